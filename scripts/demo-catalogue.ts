/**
 * The invented UMKM and products of the demo catalogue (data for scripts/make-demo-data.ts).
 * Every business, owner and product here is made up.
 */

/** [name, unit, price in Rupiah, description] */
export type DemoProduct = [string, string, number, string];

/** One demo UMKM with its products. `kelurahan` defaults to one of its kecamatan. */
export type DemoUmkm = {
  name: string;
  owner: string;
  category: 'kuliner' | 'fashion' | 'kriya';
  kecamatan: string;
  kelurahan?: string;
  street: string;
  products: DemoProduct[];
};

const k = (name: string, owner: string, kecamatan: string, street: string, products: DemoProduct[], kelurahan?: string): DemoUmkm => ({
  name,
  owner,
  category: 'kuliner',
  kecamatan,
  street,
  products,
  ...(kelurahan ? { kelurahan } : {}),
});
const f = (name: string, owner: string, kecamatan: string, street: string, products: DemoProduct[], kelurahan?: string): DemoUmkm => ({
  ...k(name, owner, kecamatan, street, products, kelurahan),
  category: 'fashion',
});
const c = (name: string, owner: string, kecamatan: string, street: string, products: DemoProduct[], kelurahan?: string): DemoUmkm => ({
  ...k(name, owner, kecamatan, street, products, kelurahan),
  category: 'kriya',
});

/** 28 kuliner (70%), 8 fashion (20%), 4 kriya (10%) over all 11 kecamatan. */
export const DEMO_UMKM: DemoUmkm[] = [
  k('Dapur Bu Sari', 'Sari Rahmawati', 'Beji', 'Jl. Kukusan Raya', [
    ['Nasi Box Ayam Bakar', 'box', 25000, 'Nasi, ayam bakar, lalapan, sambal, tahu tempe'],
    ['Nasi Box Ikan Nila Goreng', 'box', 23000, 'Nasi, nila goreng, sayur asem, sambal terasi'],
    ['Paket Lauk Isoman 3 Hari', 'paket', 135000, 'Lauk matang untuk 3 hari, dikirim dalam wadah tertutup'],
  ]),
  k('Keripik Tempe Mak Nah', 'Siti Hasanah', 'Sukmajaya', 'Jl. Tole Iskandar', [
    ['Keripik Tempe Original', 'bungkus 250 g', 15000, 'Tempe tipis renyah, tanpa pengawet'],
    ['Keripik Tempe Pedas Daun Jeruk', 'bungkus 250 g', 17000, 'Pedas gurih dengan daun jeruk'],
    ['Keripik Tempe Toples', 'toples 500 g', 32000, 'Toples plastik tertutup rapat'],
  ]),
  k('Rendang Uni Ratna', 'Ratna Dewi Anggraini', 'Pancoran Mas', 'Jl. Nusantara Raya', [
    ['Rendang Daging Sapi', 'porsi 250 g', 65000, 'Rendang kering khas Padang, tahan 3 hari'],
    ['Rendang Paru', 'porsi 250 g', 48000, 'Paru sapi dimasak rendang'],
    ['Dendeng Balado', 'porsi 200 g', 55000, 'Dendeng sapi tipis dengan cabai merah'],
    ['Gulai Ayam Kampung', 'porsi', 45000, 'Setengah ekor ayam kampung dengan kuah gulai'],
  ]),
  k('Kue Basah Bu Endang', 'Endang Suryani', 'Cimanggis', 'Jl. Raya Bogor Km 30', [
    ['Kue Lapis Pelangi', 'kotak isi 10', 30000, 'Lapis tepung beras tujuh warna'],
    ['Nagasari Pisang', 'kotak isi 10', 28000, 'Dibungkus daun pisang'],
    ['Risoles Ragout Ayam', 'kotak isi 10', 35000, 'Risoles isi ragout ayam dan sayur'],
  ]),
  k('Frozen Food Dapur Mama Rafa', 'Rafika Hidayati', 'Tapos', 'Jl. Raya Tapos', [
    ['Nugget Ayam Homemade', 'pak 500 g', 42000, 'Ayam asli dan sayuran, tanpa MSG'],
    ['Siomay Ikan Tenggiri Frozen', 'pak isi 20', 55000, 'Siomay tenggiri lengkap dengan bumbu kacang'],
    ['Risol Mayo Frozen', 'pak isi 10', 38000, 'Tinggal goreng, isi smoked beef dan telur'],
  ]),
  k('Sembako Berkah Sawangan', 'Ahmad Fauzi', 'Sawangan', 'Jl. Raya Muchtar', [
    ['Paket Sembako Isoman', 'paket', 150000, 'Beras 5 kg, minyak 1 L, telur 1 kg, mi instan 5, gula 1 kg'],
    ['Paket Sembako Hemat', 'paket', 95000, 'Beras 3 kg, minyak 1 L, telur 1/2 kg, sarden 2 kaleng'],
    ['Beras Pandan Wangi', 'karung 5 kg', 78000, 'Beras pulen pandan wangi'],
  ]),
  k('Madu Hutan Pak Darto', 'Sudarto', 'Bojongsari', 'Jl. Raya Ciputat Parung', [
    ['Madu Hutan Asli', 'botol 500 ml', 95000, 'Madu hutan murni dari petani lebah'],
    ['Madu Kelengkeng', 'botol 250 ml', 60000, 'Manis lembut, cocok untuk anak'],
    ['Madu Campur Habbatussauda', 'botol 250 ml', 75000, 'Madu dengan jintan hitam'],
  ]),
  k('Jamu Gendong Mbok Yem', 'Suyem Lestari', 'Limo', 'Jl. Limo Raya', [
    ['Jamu Kunyit Asam', 'botol 350 ml', 12000, 'Kunyit, asam jawa, gula aren'],
    ['Jamu Beras Kencur', 'botol 350 ml', 12000, 'Beras, kencur, jahe'],
    ['Paket Jamu Imunitas 7 Hari', 'paket 7 botol', 80000, 'Temulawak, jahe merah, kunyit; diantar dingin'],
  ]),
  k('Nasi Uduk Betawi Mpok Ani', 'Ani Maryani', 'Cipayung', 'Jl. Raya Cipayung', [
    ['Nasi Uduk Komplit', 'box', 20000, 'Nasi uduk, semur jengkol, bihun, telur balado, kerupuk'],
    ['Nasi Uduk Ayam Goreng', 'box', 24000, 'Nasi uduk dengan ayam goreng bumbu kuning'],
    ['Ketupat Sayur Betawi', 'porsi', 18000, 'Ketupat, sayur labu, telur, kerupuk'],
  ]),
  k('Catering Sehat Cilodong', 'Dian Permatasari', 'Cilodong', 'Jl. Raya Jakarta-Bogor', [
    ['Nasi Box Menu Sehat', 'box', 30000, 'Nasi merah, ayam panggang, sayur kukus, buah'],
    ['Paket Makan Isoman 1 Hari', 'paket 3 box', 85000, 'Sarapan, makan siang, makan malam'],
    ['Sup Ayam Jahe', 'porsi', 22000, 'Sup hangat ayam kampung dengan jahe'],
  ]),
  k('Bakso Malang Cak Ipul', 'Saiful Anwar', 'Cinere', 'Jl. Cinere Raya', [
    ['Bakso Urat Frozen', 'pak isi 25', 60000, 'Bakso urat sapi, lengkap dengan bumbu kuah'],
    ['Paket Bakso Malang Komplit', 'paket 5 porsi', 75000, 'Bakso, tahu, siomay, mi, kuah'],
    ['Pentol Bakar Pedas', 'pak isi 20', 35000, 'Pentol bakar dengan saus pedas'],
  ]),
  k('Roti dan Kue Kering Dewi', 'Dewi Kusumawati', 'Beji', 'Jl. Margonda Raya', [
    ['Nastar Keju', 'toples 500 g', 85000, 'Nastar selai nanas asli dengan keju'],
    ['Roti Sobek Cokelat', 'bungkus', 20000, 'Roti lembut isi cokelat'],
    ['Bolu Pandan', 'loyang', 45000, 'Bolu pandan ukuran 20 cm'],
  ]),
  k('Pepes dan Lauk Sunda Teh Euis', 'Euis Komariah', 'Tapos', 'Jl. Cilangkap Raya', [
    ['Pepes Ikan Mas', 'porsi', 25000, 'Pepes ikan mas bumbu kuning'],
    ['Pepes Tahu Jamur', 'isi 5', 20000, 'Tahu dan jamur tiram dalam daun pisang'],
    ['Paket Lauk Sunda', 'paket', 60000, 'Ayam goreng, tahu tempe bacem, sambal, lalapan'],
  ]),
  k('Sambal Bawang Mbak Tari', 'Lestari Wulandari', 'Sukmajaya', 'Jl. Juanda', [
    ['Sambal Bawang Original', 'botol 150 g', 25000, 'Cabai rawit, bawang putih, minyak kelapa'],
    ['Sambal Cumi Asin', 'botol 150 g', 35000, 'Sambal dengan cumi asin'],
    ['Sambal Teri Medan', 'botol 150 g', 32000, 'Sambal dengan teri medan goreng'],
  ]),
  k('Empal Gentong Kang Asep', 'Asep Saepudin', 'Cimanggis', 'Jl. Tugu Raya', [
    ['Empal Gentong Daging', 'porsi', 35000, 'Empal gentong kuah santan, dengan nasi'],
    ['Sate Maranggi', 'isi 10 tusuk', 45000, 'Sate sapi bumbu maranggi dengan sambal oncom'],
    ['Empal Gepuk', 'porsi 5 potong', 60000, 'Daging sapi gepuk manis gurih'],
  ]),
  k('Dimsum Mama Lia', 'Amelia Putri', 'Pancoran Mas', 'Jl. Dahlia', [
    ['Dimsum Ayam Frozen', 'pak isi 20', 50000, 'Siomay, hakau dan lumpia udang'],
    ['Pangsit Goreng Frozen', 'pak isi 25', 35000, 'Pangsit isi ayam udang'],
    ['Bakpao Isi Ayam', 'pak isi 6', 36000, 'Bakpao lembut isi ayam kecap'],
  ]),
  k(
    'Bubur Ayam Pak Kumis',
    'Kusmadi',
    'Limo',
    'Jl. Meruyung',
    [
      ['Bubur Ayam Komplit', 'porsi', 18000, 'Bubur, suwiran ayam, cakwe, kerupuk, sate usus'],
      ['Bubur Kacang Hijau', 'cup', 10000, 'Kacang hijau dengan santan dan ketan hitam'],
      ['Paket Bubur Isoman', 'paket 3 porsi', 50000, 'Bubur ayam untuk pagi, siang, malam'],
    ],
    'Meruyung',
  ),
  k('Sayur Organik Kebun Bojongsari', 'Wahyu Hidayat', 'Bojongsari', 'Jl. Raya Bojongsari', [
    ['Paket Sayur Organik', 'paket 2 kg', 55000, 'Bayam, kangkung, sawi, wortel, tomat'],
    ['Selada Hidroponik', 'pak 250 g', 15000, 'Selada segar dipetik pagi'],
    ['Paket Sayur Sop', 'paket', 20000, 'Wortel, kentang, kol, buncis, daun bawang'],
  ]),
  k('Wedang Jahe dan Rempah Bu Tini', 'Sumartini', 'Cipayung', 'Jl. Pitara', [
    ['Wedang Uwuh Kering', 'pak isi 10', 35000, 'Rempah kering siap seduh'],
    ['Jahe Merah Instan', 'toples 250 g', 40000, 'Jahe merah bubuk dengan gula aren'],
    ['Sari Lemon Madu', 'botol 500 ml', 45000, 'Perasan lemon dengan madu murni'],
  ]),
  k('Ayam Ungkep Bu Rina', 'Rina Marlina', 'Sawangan', 'Jl. Raya Sawangan', [
    ['Ayam Ungkep Bumbu Kuning', 'pak 1 ekor', 70000, 'Siap goreng, dipotong 8'],
    ['Bebek Ungkep', 'pak 1 ekor', 110000, 'Bebek ungkep bumbu madura'],
    ['Tahu Tempe Bacem', 'pak isi 10', 20000, 'Manis gurih, tinggal goreng'],
  ]),
  k(
    'Kue Lapis Legit Oma Lien',
    'Lien Susanti',
    'Cinere',
    'Jl. Gandul',
    [
      ['Lapis Legit Original', 'loyang 20 cm', 150000, 'Lapis legit wisman, 18 lapis'],
      ['Lapis Surabaya', 'loyang 20 cm', 120000, 'Tiga lapis dengan selai stroberi'],
      ['Kue Lidah Kucing', 'toples 400 g', 70000, 'Renyah, dengan butter'],
    ],
    'Gandul',
  ),
  k('Soto Betawi Haji Mamat', 'Mamat Rahmat', 'Cilodong', 'Jl. Kalimulya', [
    ['Soto Betawi Daging', 'porsi', 35000, 'Kuah santan susu, daging dan jeroan sapi'],
    ['Soto Ayam Kampung', 'porsi', 25000, 'Soto bening dengan koya'],
    ['Paket Soto Keluarga', 'paket 4 porsi', 120000, 'Kuah dan isi dipisah, tinggal panaskan'],
  ]),
  k(
    'Buah Segar Pak Jaja',
    'Jaja Sudrajat',
    'Tapos',
    'Jl. Raya Leuwinanggung',
    [
      ['Paket Buah Isoman', 'paket 3 kg', 90000, 'Jeruk, pepaya, pisang, apel, jambu biji'],
      ['Jeruk Peras Medan', 'kg', 28000, 'Kaya vitamin C'],
      ['Jus Jambu Merah', 'botol 1 L', 30000, 'Tanpa gula tambahan'],
    ],
    'Leuwinanggung',
  ),
  k('Susu Kurma dan Madu Al-Barokah', 'Hasan Basuki', 'Beji', 'Jl. H. Amat', [
    ['Susu Kurma', 'botol 1 L', 40000, 'Susu sapi segar dengan sari kurma'],
    ['Kurma Sukari', 'kotak 1 kg', 110000, 'Kurma lembut manis'],
    ['Minyak Zaitun Sachet', 'kotak isi 10', 50000, 'Untuk campuran minuman hangat'],
  ]),
  k('Pempek Palembang Cek Ida', 'Farida Hanum', 'Sukmajaya', 'Jl. Merdeka', [
    ['Pempek Kapal Selam', 'pak isi 5', 65000, 'Ikan tenggiri dengan telur, kuah cuko terpisah'],
    ['Pempek Lenjer Kecil', 'pak isi 20', 55000, 'Ikan tenggiri, cuko pedas'],
    ['Tekwan Frozen', 'paket 4 porsi', 60000, 'Bola ikan, bengkuang, jamur kuping, kuah'],
  ]),
  k(
    'Keripik Singkong Duren Seribu',
    'Nurhayati',
    'Bojongsari',
    'Jl. Duren Seribu',
    [
      ['Keripik Singkong Balado', 'bungkus 250 g', 15000, 'Pedas manis'],
      ['Keripik Singkong Asin', 'bungkus 250 g', 13000, 'Gurih asin, renyah'],
      ['Opak Singkong', 'bungkus isi 20', 18000, 'Kerupuk singkong bakar'],
    ],
    'Duren Seribu',
  ),
  k('Telur Asin dan Sembako Bu Hj. Nur', 'Nur Aisyah', 'Pancoran Mas', 'Jl. Raya Citayam', [
    ['Telur Asin Brebes', 'isi 10', 40000, 'Telur bebek asin masir'],
    ['Telur Ayam Negeri', 'tray 30 butir', 58000, 'Telur segar dari peternak Depok'],
    ['Minyak Goreng', 'pouch 2 L', 36000, 'Minyak kelapa sawit kemasan'],
  ]),
  k('Kopi Tubruk Mang Udin', 'Udin Samsudin', 'Cimanggis', 'Jl. Raya Cisalak', [
    ['Kopi Bubuk Robusta', 'pak 250 g', 35000, 'Robusta Lampung sangrai sedang'],
    ['Kopi Bubuk Arabika Gayo', 'pak 250 g', 60000, 'Arabika Gayo sangrai medium'],
    ['Kopi Gula Aren Literan', 'botol 1 L', 55000, 'Kopi susu gula aren, simpan di kulkas'],
  ]),
  f('Masker Kain Jahit Bu Wati', 'Suwati Ningsih', 'Sukmajaya', 'Jl. Bakti Jaya', [
    ['Masker Kain 3 Lapis', 'pak isi 5', 25000, 'Katun tiga lapis, tali telinga'],
    ['Masker Kain Motif Batik', 'pak isi 3', 30000, 'Katun batik cap, ada kantong filter'],
    ['Masker Anak Karakter', 'pak isi 5', 25000, 'Ukuran anak 4-10 tahun'],
  ]),
  f('Batik Tulis Cinere', 'Bambang Setiadi', 'Cinere', 'Jl. Pangkalan Jati', [
    ['Kemeja Batik Tulis Pria', 'potong', 350000, 'Motif belimbing Depok, katun primisima'],
    ['Kain Batik Tulis', 'lembar 2 m', 450000, 'Pewarna alam'],
    ['Batik Cap Kombinasi', 'lembar 2 m', 150000, 'Motif bunga kombinasi cap dan tulis'],
  ]),
  f(
    'Mukena Bordir Ibu Halimah',
    'Halimah Tussadiah',
    'Sawangan',
    'Jl. Bedahan',
    [
      ['Mukena Katun Bordir', 'set', 175000, 'Katun rayon adem dengan bordir tepi'],
      ['Mukena Anak', 'set', 85000, 'Ukuran 5-10 tahun'],
      ['Sajadah Travel', 'lembar', 45000, 'Ringan, bisa dilipat'],
    ],
    'Bedahan',
  ),
  f(
    'Konveksi Kaos Margonda',
    'Rudi Hermawan',
    'Beji',
    'Jl. Margonda Raya',
    [
      ['Kaos Sablon Depok Peduli', 'potong', 65000, 'Katun combed 30s, sablon plastisol'],
      ['Kaos Polos Katun', 'potong', 45000, 'Katun combed 30s, S sampai XXL'],
      ['Celana Training', 'potong', 80000, 'Bahan lotto, nyaman untuk di rumah'],
    ],
    'Pondok Cina',
  ),
  f(
    'Hijab Instan Rumah Zahra',
    'Zahra Nabila',
    'Cipayung',
    'Jl. Ratu Jaya',
    [
      ['Hijab Instan Jersey', 'potong', 45000, 'Bahan jersey adem, pet antem'],
      ['Pashmina Ceruti', 'potong', 40000, 'Ceruti baby doll, 175 x 75 cm'],
      ['Ciput Rajut', 'pak isi 3', 25000, 'Ciput rajut elastis'],
    ],
    'Ratu Jaya',
  ),
  f('Sarung Tenun dan Batik Depok', 'Agus Setiawan', 'Pancoran Mas', 'Jl. Kartini', [
    ['Sarung Tenun Motif Kotak', 'lembar', 120000, 'Tenun ATBM'],
    ['Sarung Batik Cap', 'lembar', 95000, 'Batik cap motif pesisir'],
    ['Peci Rajut', 'buah', 35000, 'Peci rajut putih'],
  ]),
  f(
    'Daster Batik Bu Yanti',
    'Suryanti',
    'Limo',
    'Jl. Krukut',
    [
      ['Daster Batik Rayon', 'potong', 60000, 'All size, rayon adem'],
      ['Piyama Batik Dewasa', 'set', 110000, 'Atasan dan celana panjang'],
      ['Kaftan Batik', 'potong', 130000, 'Kaftan longgar motif parang'],
    ],
    'Krukut',
  ),
  f(
    'Baju Koko Bordir Pak Herman',
    'Herman Susilo',
    'Tapos',
    'Jl. Jatijajar',
    [
      ['Baju Koko Bordir Lengan Panjang', 'potong', 150000, 'Katun toyobo, bordir komputer'],
      ['Baju Koko Anak', 'potong', 85000, 'Ukuran 2-12 tahun'],
      ['Sarung Bordir', 'lembar', 90000, 'Sarung polos dengan bordir'],
    ],
    'Jatijajar',
  ),
  c(
    'Anyaman Bambu Pak Karta',
    'Sukarta',
    'Bojongsari',
    'Jl. Pondok Petir',
    [
      ['Tampah Bambu', 'buah', 25000, 'Diameter 50 cm'],
      ['Keranjang Parsel Bambu', 'buah', 35000, 'Cocok untuk parsel sembako'],
      ['Tudung Saji Bambu', 'buah', 45000, 'Diameter 45 cm'],
    ],
    'Pondok Petir',
  ),
  c(
    'Keramik Hias Tanah Baru',
    'Slamet Wiyono',
    'Beji',
    'Jl. Tanah Baru',
    [
      ['Vas Bunga Keramik', 'buah', 85000, 'Glasir biru, tinggi 25 cm'],
      ['Cangkir Keramik', 'set isi 2', 70000, 'Dibentuk tangan, aman untuk microwave'],
      ['Pot Tanaman Terakota', 'buah', 30000, 'Diameter 20 cm'],
    ],
    'Tanah Baru',
  ),
  c(
    'Kerajinan Eceng Gondok Situ Cilodong',
    'Yayat Supriatna',
    'Cilodong',
    'Jl. Situ Cilodong',
    [
      ['Tas Anyaman Eceng Gondok', 'buah', 120000, 'Tas jinjing dengan furing kain'],
      ['Tempat Tisu Eceng Gondok', 'buah', 40000, 'Anyaman rapat, berwarna alami'],
      ['Tatakan Gelas Anyaman', 'set isi 6', 35000, 'Diameter 10 cm'],
    ],
    'Cilodong',
  ),
  c(
    'Tas Rajut Bu Lastri',
    'Sulastri',
    'Cimanggis',
    'Jl. Harjamukti',
    [
      ['Tas Rajut Tali Kur', 'buah', 95000, 'Rajut tangan, banyak warna'],
      ['Dompet Rajut', 'buah', 35000, 'Dompet kecil dengan resleting'],
      ['Gantungan Kunci Rajut', 'pak isi 5', 25000, 'Bentuk buah dan bunga'],
    ],
    'Harjamukti',
  ),
];
