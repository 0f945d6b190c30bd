# Belanja UMKM bot: Bahasa Indonesia (default). Keys are kebab-case, grouped by flow.

## Engine
engine-error = Mohon maaf, ada kendala di sistem kami. Silakan coba lagi sebentar lagi, atau ketik /menu.
engine-unavailable = Mohon maaf, layanan sedang mengalami gangguan dan pesan Anda belum kami proses. Silakan kirim lagi beberapa saat lagi.
engine-nothing = Ketik /menu untuk melihat pilihan.
engine-too-long = Pesan Anda terlalu panjang (maksimal { $max } karakter). Mohon kirim yang lebih singkat.
engine-stale-button =
    { $channel ->
        [numbered] Pilihan itu sudah tidak berlaku. Silakan pilih dari pesan terbaru.
       *[other] Tombol itu sudah tidak berlaku. Silakan pilih dari pesan terbaru.
    }
engine-repeat-tap = Sudah kami proses. 👍
engine-unknown-command = Perintah /{ $command } tidak dikenal. Ketik /menu untuk melihat pilihan.
engine-unknown-command-unregistered = Perintah /{ $command } tidak dikenal. Ketik /start untuk mendaftar.
engine-not-allowed = Maaf, perintah itu bukan untuk akun Anda.
engine-register-first = Silakan daftar dulu dengan /start.
engine-unexpected-input = Maaf, kami belum bisa memproses pesan itu di langkah ini.

## UI (shared buttons)
ui-literal = { $text }
ui-back = ⬅️ Kembali
ui-menu = 🏠 Menu utama
ui-choose-button =
    { $channel ->
        [numbered] { $choices ->
            [0] Silakan pilih dari daftar bernomor, atau ketik /menu.
            [1] Ketik angka 1 atau nama pilihannya.
           *[other] Ketik angka 1–{ $choices } atau nama pilihannya.
        }
       *[other] Silakan pilih salah satu tombol di bawah (atau ketik nomornya).
    }

## Register
register-welcome =
    Selamat datang di layanan Belanja UMKM Depok 🙏
    Layanan ini untuk ASN Kota Depok yang membeli produk UMKM bagi warga yang sedang isoman, dan untuk pelaku UMKM.

    { $channel ->
        [numbered] Untuk memulai, kami perlu mencocokkan nomor Anda dengan data kepegawaian, tetapi WhatsApp belum memperlihatkan nomor Anda kepada kami. Mohon bagikan nomor telepon Anda di chat ini, lalu kirim pesan lagi.
       *[other] Untuk memulai, tekan tombol "📱 Bagikan nomor saya" di bawah agar kami dapat mencocokkan nomor Anda dengan data kepegawaian.
    }
register-share-contact = 📱 Bagikan nomor saya
register-need-contact =
    { $channel ->
        [numbered] WhatsApp belum memperlihatkan nomor Anda kepada kami. Mohon bagikan nomor telepon Anda di chat ini, lalu kirim pesan lagi.
       *[other] Mohon tekan tombol "📱 Bagikan nomor saya" di bawah layar untuk mendaftar.
    }
register-use-button =
    { $channel ->
        [numbered] Demi keamanan, nomor tidak bisa diketik: kami hanya memakai nomor yang diperlihatkan WhatsApp sendiri. Mohon bagikan nomor telepon Anda di chat ini, lalu kirim pesan lagi.
       *[other] Demi keamanan, nomor tidak bisa diketik. Mohon tekan tombol "📱 Bagikan nomor saya" di bawah layar.
    }
register-not-own-contact =
    { $channel ->
        [numbered] Maaf, kartu kontak tidak bisa dipakai: kami hanya memakai nomor Anda sendiri yang diperlihatkan WhatsApp. Mohon bagikan nomor telepon Anda di chat ini, lalu kirim pesan lagi.
       *[other] Maaf, yang bisa dipakai hanya nomor Anda sendiri. Tekan tombol "📱 Bagikan nomor saya", bukan kontak orang lain.
    }
register-bad-phone =
    { $channel ->
        [numbered] Nomor itu tidak dapat kami baca. Mohon bagikan nomor telepon Anda di chat ini, lalu kirim pesan lagi.
       *[other] Nomor itu tidak dapat kami baca. Mohon bagikan nomor Anda lewat tombol di bawah.
    }
register-not-on-roster =
    Mohon maaf, nomor Anda belum terdaftar di layanan ini.
    Jika Anda ASN atau pelaku UMKM Kota Depok, silakan hubungi { $contact } agar nomor Anda didaftarkan, lalu ketik /start lagi.
register-found-person = 👤 { $name } — { $opd }
register-found-umkm = 🏪 { $umkm } (Kec. { $kecamatan })
register-confirm =
    Nomor Anda terdaftar atas nama:
    { $details }

    Apakah data ini benar?
register-yes = ✅ Ya, benar
register-no = ❌ Bukan saya
register-not-me =
    { $channel ->
        [numbered] Baik, akun tidak kami hubungkan. Jika data tersebut keliru, silakan hubungi { $contact }. Setelah diperbaiki, pilih "🔄 Coba lagi" (ketik nomornya).
       *[other] Baik, akun tidak kami hubungkan. Jika data tersebut keliru, silakan hubungi { $contact }. Setelah diperbaiki, tekan "🔄 Coba lagi".
    }
register-again = 🔄 Coba lagi
register-done = Terima kasih, akun Anda sudah terhubung. ✅

## Menu
menu-title = Halo, { $name }! Silakan pilih menu:
menu-title-anon = Menu utama. Silakan pilih:
menu-browse = 🛍️ Lihat katalog UMKM
menu-search = 🔎 Cari produk
menu-cart = 🛒 Keranjang ({ $count } produk)
menu-my-orders = 📦 Pesanan saya
menu-my-recipients = 🏠 Penerima saya
menu-owner-orders = 🧾 Pesanan masuk (UMKM)
menu-owner-products = 🏷️ Produk saya (UMKM)
menu-admin = 🛠️ Menu admin
menu-help = ❓ Bantuan
menu-help-buyer =
    Cara berbelanja:
    1. Pilih produk dari katalog UMKM Depok.
    2. Tentukan jumlah, lalu konfirmasi pesanan.
    3. Isi data warga isoman penerima paket.
    4. Kirim foto bukti pembayaran.
    5. Unggah di media sosial dengan #ASNDepokPeduli #BeliProdukUMKMDepok dan kirim tautannya.
    Laporan pembelian diteruskan otomatis ke Kantor Wali Kota.
menu-help-owner =
    Untuk pelaku UMKM:
    • /pesanan — pesanan masuk: terima, tolak, konfirmasi pembayaran, tandai sudah diantar
    • /terima, /tolak, /lunas (pembayaran diterima), /antar (sudah diantar) + nomor pesanan, mis. /terima ORD-20261122-00001
    • /produk — ubah harga, tandai habis/tersedia, tambah produk
    • /pembayaran — rekening bank, e-wallet dan QRIS tempat pembeli membayar
    • /umkm — ganti UMKM yang diurus (bila Anda punya lebih dari satu)
menu-help-admin =
    Untuk admin:
    • /admin — menu admin
    • /siaran — kirim brosur ke ASN atau UMKM; /siaranjadwal — siaran terjadwal
    • /statistik — angka pembelian; /rekap (atau /rekap kemarin, /rekap 20-11-2026) — rekap harian
    • /gagal — laporan yang gagal terkirim; /impor — impor data (CSV)
    • /rekap bulan — laporan bulanan; /tekspengingat — teks pengingat untuk koordinator unit
menu-help-register = Untuk mendaftar, ketik /start lalu bagikan nomor HP Anda.
menu-help-commands = Perintah: /menu (menu utama), /batal (batalkan langkah ini), /bahasa (ganti bahasa), /berhenti (berhenti menerima brosur siaran) dan /mulai (menerima lagi).
menu-help-commands-buyer = Juga: /cari (cari produk), /keranjang, /riwayat (pesanan saya), /hapusdata (hapus data penerima tersimpan), /lewati <nomor pesanan> (tidak mengunggah ke media sosial).
menu-language = Pilih bahasa / Choose a language:
menu-language-id = 🇮🇩 Bahasa Indonesia
menu-language-en = 🇬🇧 English
menu-language-set = Bahasa sudah diganti ke Bahasa Indonesia.
menu-cancelled = Langkah dibatalkan. Pesanan yang sudah dibuat tetap aman.
menu-cancelled-plain = Langkah dibatalkan.
menu-cancelled-cart-kept = Langkah dibatalkan. Isi keranjang Anda tetap tersimpan.
menu-pong = Layanan aktif. ✅

## Categories
category-kuliner = 🍱 Kuliner
category-fashion = 👕 Fesyen
category-kriya = 🏺 Kriya

## Browse
browse-category = Pilih kategori produk:
browse-kecamatan = Kategori { $category }. Pilih kecamatan UMKM (dalam kurung: jumlah produk), atau lihat semua:
browse-kecamatan-option = { $kecamatan } ({ $count })
browse-kecamatan-none =
    { $channel ->
        [numbered] Belum ada produk { $category } di Kec. { $kecamatan }. Silakan ketik nomor kecamatan dari daftar.
       *[other] Belum ada produk { $category } di Kec. { $kecamatan }. Silakan pilih kecamatan dari tombol di bawah.
    }
browse-kecamatan-sold-out = Maaf, produk { $category } di Kec. { $kecamatan } baru saja habis. Silakan pilih kecamatan lain.
browse-category-empty = Maaf, produk { $category } sedang tidak tersedia. Silakan pilih kategori lain.
browse-all-kecamatan = 📍 Semua kecamatan
browse-item-line = { $n }. { $name } — { $price }/{ $unit }
    🏪 { $umkm } · Kec. { $kecamatan }
browse-list =
    { $count } produk (halaman { $page }/{ $pages }):

    { $items }

    { $note }
browse-order-fair = ℹ️ UMKM yang bulan ini paling sedikit menerima pembayaran (dalam Rupiah) tampil lebih dulu, agar rezeki merata.
browse-order-price = ℹ️ Diurutkan dari harga termurah.
browse-prev = ◀️ Sebelumnya
browse-next = Berikutnya ▶️
browse-sort-price = 💰 Urutkan harga termurah
browse-sort-fair = ⚖️ Urutan pemerataan
browse-empty = Belum ada produk yang tersedia untuk pilihan ini.
browse-search-none = Tidak ada produk yang cocok dengan "{ $query }". Coba kata lain.
browse-pick-product =
    { $channel ->
        [numbered] Silakan ketik nomor produk dari daftar (atau namanya).
       *[other] Silakan pilih produk dari tombol di bawah (atau ketik nomornya).
    }
browse-product =
    { $name }
    💰 { $price } / { $unit }{ $hasDescription ->
        [no] {""}
       *[yes] {"\u000A"}{ $description }
    }

    🏪 { $umkm } ({ $category })
    📍 Kel. { $kelurahan }, Kec. { $kecamatan }
browse-buy = 🛒 Beli
browse-product-gone = Maaf, produk itu sedang tidak tersedia.
browse-search-ask = Ketik nama produk atau nama UMKM yang Anda cari (contoh: nasi box, keripik, batik):
browse-search-need-text = Silakan ketik kata yang dicari.
browse-search-too-short = Kata pencarian terlalu pendek. Ketik minimal 2 huruf.
browse-search-too-long = Kata pencarian terlalu panjang. Ketik maksimal 100 karakter.

## Cart
cart-qty-ask = Berapa jumlah yang ingin Anda beli? { $name } — { $price } per { $unit }. Pilih atau ketik angka 1–{ $max }.
cart-qty-need-number = Silakan ketik jumlahnya dengan angka (1–99).
cart-qty-not-number = Jumlah harus berupa angka bulat, misalnya 2.
cart-qty-too-small = Jumlah minimal 1.
cart-qty-too-large = Jumlah maksimal { $max } per produk.
cart-added = ✅ { $qty } × { $name } masuk keranjang.
cart-added-capped = ℹ️ Jumlah per produk paling banyak { $max }: sekarang { $qty } × { $name } di keranjang.
cart-switch-ask =
    Keranjang Anda berisi produk dari { $current }. Satu pesanan hanya untuk satu UMKM.
    Mulai pesanan baru dengan { $next }? (Isi keranjang sekarang akan dikosongkan.)
cart-switch-new = 🆕 Ya, mulai pesanan baru
cart-switch-keep = ↩️ Tidak, pertahankan keranjang
cart-line = • { $qty } × { $name } @ { $price } = { $subtotal }
cart-summary =
    🛒 Ringkasan pesanan
    UMKM: { $umkm } (Kec. { $kecamatan })

    { $items }

    Total: { $total }
cart-confirm = ✅ Konfirmasi pesanan
cart-more = ➕ Tambah produk dari UMKM ini
cart-edit = ✏️ Ubah jumlah
cart-clear = 🗑️ Kosongkan keranjang
cart-empty = Keranjang Anda masih kosong.
cart-empty-now = Keranjang sekarang kosong.
cart-sold-out-removed = ℹ️ { $names } sudah habis dan dikeluarkan dari keranjang.
cart-items-gone = ℹ️ Produk yang sudah tidak tersedia dikeluarkan dari keranjang.
cart-changed = ⚠️ Harga atau ketersediaan berubah sejak ringkasan tadi. Mohon periksa lagi sebelum konfirmasi.
cart-own-umkm = Maaf, Anda tidak dapat membeli dari UMKM milik Anda sendiri. Silakan pilih produk UMKM lain.
cart-cleared = Keranjang sudah dikosongkan.
cart-clear-ask = Kosongkan keranjang? ({ $count } produk akan dihapus dari keranjang.)
cart-clear-yes = 🗑️ Ya, kosongkan
cart-clear-no = ↩️ Tidak
cart-now-empty = 🗑️ { $name } dihapus. Keranjang sekarang kosong.
cart-edit-ask = Pilih produk yang ingin diubah:
cart-edit-item = Jumlah baru untuk { $name }? Pilih atau ketik angka 1–{ $max }, atau hapus.
cart-remove = 🗑️ Hapus dari keranjang
cart-confirmed = ✅ Pesanan { $id } dibuat. Total { $total }.

## Recipient
recipient-start =
    Sekarang isi data warga isoman yang akan menerima paket.
    🔒 Data penerima hanya dipakai untuk pengantaran dan pelaporan program.
recipient-start-reuse =
    Pilih penerima paket: warga isoman yang pernah Anda daftarkan, atau tambah yang baru.
    🔒 Data penerima hanya dipakai untuk pengantaran dan pelaporan program.
recipient-new = ➕ Penerima baru
recipient-ask-name = Nama lengkap penerima:
recipient-bad-name = Nama harus diawali huruf, 2–80 karakter, dan hanya berisi huruf, spasi, titik, koma, atau tanda hubung.
recipient-need-text = Silakan ketik jawabannya.
recipient-ask-phone = Nomor HP penerima (contoh: 0812 3456 7890):
recipient-bad-phone = Mohon tulis nomor HP (ponsel) Indonesia penerima, diawali 08 atau +62 8. Contoh: 0812 3456 7890.
recipient-ask-address = Alamat lengkap penerima (jalan, nomor rumah, RT/RW):
recipient-bad-address = Alamat terlalu singkat. Mohon tulis jalan, nomor rumah, dan RT/RW.
recipient-address-too-long = Alamat terlalu panjang (maksimal 300 karakter).
recipient-ask-kecamatan = Kecamatan tempat tinggal penerima:
recipient-ask-kelurahan = Kelurahan di Kec. { $kecamatan }:
recipient-ask-note = Catatan untuk pengantar (misalnya patokan rumah), atau lewati:
recipient-skip-note = ⏭️ Lewati
recipient-note-too-long = Catatan terlalu panjang (maksimal 300 karakter).
recipient-repeat =
    ℹ️ Dalam 7 hari terakhir sudah ada { $count } paket yang dipesan untuk penerima ini.
    Agar bantuan menjangkau lebih banyak keluarga, Anda bisa memilih penerima lain.
recipient-pick-other = 👥 Pilih penerima lain
recipient-keep = ✅ Tetap kirim ke penerima ini
recipient-saved =
    ✅ Penerima pesanan ini:
    👤 { $name }
    📱 { $phone }
    🏠 { $address }, Kel. { $kelurahan }, Kec. { $kecamatan }{ $note }
recipient-saved-note = 📝 { $note }
recipient-order-gone = Pesanan itu sudah tidak dapat diubah.

## Receipt
receipt-ask =
    Silakan lakukan pembayaran { $total } kepada { $umkm } untuk pesanan { $id }.
    Nomor rekening atau QRIS dapat ditanyakan kepada { $owner } ({ $phone }).
    Setelah itu, kirim foto bukti pembayaran (struk atau tangkapan layar transfer) di sini. 📸
receipt-need-photo =
    { $channel ->
        [numbered] Mohon kirim foto bukti pembayaran (bukan teks): kirim foto struk atau tangkapan layar transfer di chat ini.
       *[other] Mohon kirim foto bukti pembayaran (bukan teks). Tekan ikon 📎 lalu pilih foto.
    }
receipt-not-image = File itu bukan gambar atau PDF yang bisa kami baca. Mohon kirim foto (JPG atau PNG) atau PDF bukti pembayaran.
receipt-too-large = Foto terlalu besar (maksimal 10 MB). Mohon kirim foto yang lebih kecil.
receipt-duplicate = Foto bukti ini sudah dipakai untuk pesanan lain. Mohon kirim bukti pembayaran untuk pesanan ini.
receipt-order-closed = Pesanan ini sudah tidak menunggu bukti pembayaran.
receipt-change-recipient = ✏️ Ubah penerima
receipt-cancel-order = ❌ Batalkan pesanan
receipt-cancel-ask = Batalkan pesanan { $id } ({ $total }, { $umkm })? Pesanan yang dibatalkan tidak dapat dilanjutkan lagi.
receipt-cancel-yes = ✅ Ya, batalkan
receipt-cancel-no = ↩️ Tidak, kembali
receipt-cancelled = Pesanan { $id } sudah dibatalkan. Silakan berbelanja lagi kapan saja. 🙏
receipt-pick-order = Foto bukti pembayaran ini untuk pesanan yang mana?
receipt-send-again = Foto tadi sudah tidak bisa kami ambil lagi. Mohon kirim ulang foto bukti pembayarannya di sini.
receipt-thanks = ✅ Bukti pembayaran pesanan { $id } ({ $total }) diterima. UMKM sudah diberi tahu dan laporan sedang diteruskan ke Kantor Wali Kota.

## Social post
post-caption = Hari ini saya membeli { $products } dari { $umkm } (Kec. { $kecamatan }) untuk warga yang sedang isoman. Yuk dukung UMKM Depok! #ASNDepokPeduli #BeliProdukUMKMDepok
post-copy-caption = { $channel ->
        [numbered] Salin teks berikut untuk unggahan media sosial Anda:
       *[other] Salin teks berikut untuk unggahan media sosial Anda (ketuk teksnya untuk menyalin):
    }

    { $caption }
post-ask-link = Setelah mengunggah, kirim tautan (link) unggahan Anda di sini ({ $networks }). Mengunggah bersifat sukarela.
post-skip = ⏭️ Tidak mengunggah
post-need-link = Silakan kirim tautan unggahan Anda ({ $networks }), atau pilih "Tidak mengunggah".
post-bad-link = Tautan itu tidak kami kenali. Kirim tautan unggahan dari { $networks }, contoh: https://www.instagram.com/p/...
post-thanks = Terima kasih! Tautan { $network } Anda untuk pesanan { $id } sudah kami catat dan laporkan. 🙏
post-pick-order = Tautan { $network } ini untuk pesanan yang mana?
post-none-waiting = Tidak ada pesanan Anda yang menunggu tautan unggahan.
post-skip-need-id = Ketik nomor pesanan yang tidak diunggah, contoh: /lewati ORD-20261122-00001
post-skip-unknown = Pesanan { $id } tidak menunggu tautan unggahan dari Anda. Lihat /riwayat.
post-skipped = Baik, tidak apa-apa. Terima kasih sudah berbelanja di UMKM Depok! 🙏

## My orders
orders-none = Anda belum memiliki pesanan.
orders-list =
    📦 Pesanan Anda (terbaru di atas):

    { $items }
orders-line =
    { $id } · { $date }
    { $umkm } · { $total }
    🧾 { $items }{ $recipient }
    Status: { $status }{ $report }
orders-recipient = 👤 { $name } (Kel. { $kelurahan })
orders-report-sent = {" "}· 📨 laporan terkirim
orders-report-pending = {" "}· ⏳ laporan dalam antrean
orders-resume = ▶️ Lanjutkan { $id }
order-status-draft = draf
order-status-confirmed = menunggu bukti bayar
order-status-needs-recipient = menunggu data penerima
order-pick-label = { $id } · { $umkm } · { $total }
order-status-paid = dibayar, menunggu UMKM
order-status-accepted = diterima UMKM
order-status-rejected = ditolak UMKM
order-status-delivered = sudah diantar
order-status-cancelled = dibatalkan

## My recipients
recipients-none = Anda belum menyimpan data penerima.
recipients-list =
    🏠 Penerima yang tersimpan:
    { $items }
recipients-line = • { $name } — Kel. { $kelurahan }, Kec. { $kecamatan }
recipients-delete = 🗑️ Hapus semua data penerima
recipients-delete-ask = Hapus semua data penerima yang Anda simpan? Pesanan yang sudah ada tidak terpengaruh.
recipients-delete-yes = ✅ Ya, hapus
recipients-delete-no = ❌ Batal
recipients-deleted = { $count } data penerima sudah dihapus.

## Report
report-title = 📋 Laporan Pembelian Produk UMKM oleh ASN — { $orderId }
report-asn = ASN: { $name } (NIP { $nip })
report-opd = Perangkat Daerah: { $opd }
report-umkm = UMKM: { $umkm } — Kec. { $kecamatan }
report-items = Barang yang dibeli:
report-item = • { $qty } × { $name } @ { $price } = { $subtotal }
report-total = Total: { $total }
report-recipient = Penerima (warga isoman): { $name } — Kel. { $kelurahan }, Kec. { $kecamatan }
report-recipient-none = Penerima (warga isoman): -
report-created = Waktu pembelian: { $time }
report-payment-confirmed = Pembayaran: sudah dikonfirmasi oleh UMKM
report-payment-unconfirmed = Pembayaran: belum dikonfirmasi oleh UMKM
report-post-link = Tautan unggahan media sosial: { $link }
report-post-none = Tautan unggahan media sosial: belum dikirim
report-receipt-missing = (Foto bukti pembayaran tidak tersedia.)
report-hashtags = #ASNDepokPeduli #BeliProdukUMKMDepok
report-followup = 🔗 Tautan unggahan media sosial untuk laporan { $orderId }: { $link }

## Reminder
reminder-text = 🔔 Pengingat: terima kasih sudah membeli produk UMKM Depok (pesanan { $orderId }). Bila berkenan, unggah kegiatan ini di media sosial dengan teks berikut:

    { $caption }

    Lalu kirimkan tautan unggahan Anda di sini. Mengunggah bersifat sukarela.
reminder-send-link = 🔗 Kirim tautan sekarang
reminder-skip = ⏭️ Tidak mengunggah
reminder-hint = Tempel tautannya di sini kapan saja. Bila tidak mengunggah, ketik /lewati { $orderId }

## Recap
recap-title = 📊 Rekap Harian Belanja Produk UMKM oleh ASN — { $day }
recap-empty = Belum ada pembelian yang tercatat pada tanggal ini.
recap-summary = Pembelian: { $purchases } · ASN yang berpartisipasi: { $asn } · Nilai yang diterima UMKM: { $total }
recap-post-share = Pembelian dengan tautan unggahan: { $withLink } dari { $purchases } ({ $percent }%)
recap-by-opd = Per Perangkat Daerah:
recap-opd-line = • { $opd }: { $purchases } pembelian, { $asn } ASN, { $total }
recap-by-kecamatan = Per kecamatan (lokasi UMKM):
recap-kecamatan-line = • { $kecamatan }: { $purchases } pembelian, { $total }
recap-top-umkm = Lima UMKM dengan nilai pembelian terbesar:
recap-top-line = { $rank }. { $name } (Kec. { $kecamatan }): { $purchases } pembelian, { $total }
recap-csv-caption = Rincian laporan pembelian { $day } (CSV)

## WhatsApp
wa-error = Maaf, pesan Anda belum bisa kami proses karena ada gangguan. Silakan coba lagi sebentar lagi, atau ketik /menu untuk kembali ke menu utama.

## UMKM owner: orders, products, notifications
ua-switch = 🔁 Ganti UMKM (sekarang: { $umkm })
ua-only-one = Anda mengelola satu UMKM: { $umkm }.
ua-choose = Nomor Anda terdaftar sebagai pemilik { $count } UMKM. Pilih UMKM yang ingin Anda kelola sekarang:
ua-now-acting = Sekarang Anda mengelola { $umkm }. ✅
uo-owners-only =
    { $channel ->
        [numbered] Maaf, pilihan itu khusus untuk pemilik UMKM.
       *[other] Maaf, tombol itu khusus untuk pemilik UMKM.
    }
uo-not-your-order = Maaf, pesanan itu bukan untuk UMKM Anda. Tidak ada yang diubah.
uo-order-not-found = Maaf, pesanan { $id } tidak ditemukan. Mohon periksa kembali nomornya.
uo-need-id = Ketik nomor pesanannya, contoh: /{ $command } ORD-20261122-00001
uo-refused-already-accepted = Pesanan { $id } sudah Anda terima sebelumnya. Tidak ada yang diubah.
uo-refused-accept-first =
    { $channel ->
        [numbered] Pesanan { $id } belum diterima. Mohon pilih "Terima pesanan" dulu sebelum menandai sudah diantar.
       *[other] Pesanan { $id } belum diterima. Mohon tekan "Terima pesanan" dulu sebelum menandai sudah diantar.
    }
uo-refused-already-delivered = Pesanan { $id } sudah ditandai diantar. Tidak ada yang diubah.
uo-refused-already-paid = Pembayaran pesanan { $id } sudah dikonfirmasi sebelumnya. Tidak ada yang diubah.
uo-refused-accept = Pesanan { $id } tidak bisa diterima karena statusnya sekarang: { $status }.
uo-refused-reject = Pesanan { $id } tidak bisa ditolak karena statusnya sekarang: { $status }.
uo-refused-deliver = Pesanan { $id } tidak bisa ditandai diantar karena statusnya sekarang: { $status }.
uo-refused-payment = Pembayaran pesanan { $id } tidak bisa dikonfirmasi karena statusnya sekarang: { $status }.
uo-done-accepted =
    { $channel ->
        [numbered] ✅ Pesanan { $id } diterima. ASN pemesan sudah kami beri tahu. Setelah paket sampai, pilih "Sudah diantar".
       *[other] ✅ Pesanan { $id } diterima. ASN pemesan sudah kami beri tahu. Setelah paket sampai, tekan "Sudah diantar".
    }
uo-done-delivered = 🚚 Pesanan { $id } ditandai sudah diantar. Terima kasih! ASN pemesan sudah kami beri tahu.
uo-done-delivered-unpaid =
    { $channel ->
        [numbered] 🚚 Pesanan { $id } ditandai sudah diantar. Terima kasih! ASN pemesan sudah kami beri tahu. Setelah uangnya Anda terima, pilih "Pembayaran sudah masuk".
       *[other] 🚚 Pesanan { $id } ditandai sudah diantar. Terima kasih! ASN pemesan sudah kami beri tahu. Setelah uangnya Anda terima, tekan "Pembayaran sudah masuk".
    }
uo-done-rejected = Pesanan { $id } ditolak. ASN pemesan sudah kami beri tahu beserta alasannya. Mohon kembalikan uang yang sudah dibayarkan kepadanya.
uo-done-payment = 💰 Pembayaran pesanan { $id } dikonfirmasi. Terima kasih! Laporan ke Kantor Wali Kota mencatatnya.
uo-btn-accept = ✅ Terima pesanan
uo-btn-reject = ❌ Tolak pesanan
uo-btn-payment = 💰 Pembayaran sudah masuk
uo-btn-delivered = 🚚 Sudah diantar
uo-deliver-ask = Pesanan { $id } sudah sampai ke { $name } (Kel. { $kelurahan })? ASN pemesan akan kami beri tahu.
uo-deliver-ask-plain = Pesanan { $id } sudah diantar? ASN pemesan akan kami beri tahu.
uo-deliver-yes = ✅ Ya, sudah diantar
uo-status-delivered-unconfirmed = diantar, pembayaran belum dikonfirmasi
uo-week = 📊 Ringkasan 7 hari
uo-list-none = Belum ada pesanan terbuka untuk { $umkm }.
uo-list =
    🧾 Pesanan terbuka { $umkm } ({ $count }, terbaru di atas):

    { $items }

    Pilih pesanan untuk melihat rincian dan menanggapinya.
uo-list-line =
    { $channel ->
        [numbered] { $n }. { $id } · { $date }
       *[other] { $id } · { $date }
    }
    { $items } · { $total }
    Antar ke Kel. { $kelurahan } · Status: { $status }
uo-order =
    🏪 { $umkm }
    { $details }
uo-order-again = Pesanan { $id } (status: { $status }). Pilih tindakan di bawah:
uo-detail-head = 🧾 Pesanan { $id } ({ $date })
uo-detail-asn = Pemesan: { $name } ({ $opd })
uo-detail-item = • { $qty } × { $name } @ { $price } = { $subtotal }
uo-detail-total = Total: { $total }
uo-detail-recipient =
    🚚 Antar ke (warga isoman):
    👤 { $name }
    📞 { $phone }
    🏠 { $address }
    📍 Kel. { $kelurahan }, Kec. { $kecamatan }
uo-detail-recipient-none = 🚚 Data penerima belum diisi.
uo-detail-note = 📝 Catatan: { $note }
uo-detail-status = Status: { $status }
uo-detail-reason = Alasan penolakan: { $reason }
uo-detail-payment-confirmed = Pembayaran: sudah Anda konfirmasi ✅
uo-detail-payment-unconfirmed = Pembayaran: belum dikonfirmasi. Periksa foto bukti pembayaran dan rekening Anda.
uo-reject-ask = Mengapa pesanan { $id } ditolak? Pilih alasan, atau ketik alasan Anda sendiri:
uo-reason-sold-out = Stok habis
uo-reason-area = Tidak bisa mengantar ke wilayah itu
uo-reason-other = Alasan lain
uo-reason-other-type = ✏️ Alasan lain (ketik)
uo-reject-type = Ketik alasan penolakan ({ $min }–{ $max } karakter). Alasan ini akan disampaikan kepada ASN pemesan.
uo-reject-need-text = Mohon ketik alasan penolakan ({ $min }–{ $max } karakter).
uo-reject-bad-reason = Alasan harus berisi kata-kata, { $min }–{ $max } karakter.
uo-reject-confirm =
    Tolak pesanan { $id } dengan alasan: “{ $reason }”?
    ASN pemesan akan kami beri tahu, dan uang yang sudah dibayarkan perlu Anda kembalikan.
uo-reject-yes = ✅ Ya, tolak
uo-week-summary =
    📊 Penjualan { $umkm } lewat program ini, 7 hari terakhir ({ $from } s.d. { $to } WIB):
    Pesanan: { $count } · Nilai: { $rupiah }

    Produk terlaris:
    { $top }
uo-week-none = Belum ada penjualan { $umkm } lewat program ini dalam 7 hari terakhir ({ $from } s.d. { $to } WIB).
uo-week-top-line = { $rank }. { $name }: { $qty } terjual, { $rupiah }
up-available = ✅ tersedia
up-sold-out = ⛔ habis
up-list =
    🏷️ Produk { $umkm } ({ $count } produk, halaman { $page }/{ $pages }):

    { $items }

    Pilih produk untuk mengubah harga atau ketersediaannya.
up-list-none = { $umkm } belum memiliki produk. Tambahkan produk pertama Anda.
up-list-line = { $n }. { $name } — { $price }/{ $unit } · { $status }
up-add = ➕ Tambah produk
up-not-yours = Maaf, produk itu tidak ditemukan di UMKM Anda.
up-product =
    { $name }
    💰 { $price } / { $unit }
    Status: { $status }
up-product-described =
    { $name }
    💰 { $price } / { $unit }
    Status: { $status }
    { $description }
up-change-price = 💰 Ubah harga
up-mark-sold-out = ⛔ Tandai habis
up-mark-available = ✅ Tandai tersedia
up-change-photo = 🖼️ Ganti foto
up-add-photo-button = 🖼️ Tambah foto
up-photo-ask = Kirim foto baru untuk { $name } (JPG atau PNG):
up-photo-need-new =
    { $channel ->
        [numbered] Mohon kirim fotonya (JPG atau PNG), atau pilih "Kembali".
       *[other] Mohon kirim fotonya (JPG atau PNG), atau tekan "Kembali".
    }
up-photo-changed = Foto { $name } sudah diganti dan tampil di katalog. ✅
up-now-sold-out = { $name } ditandai habis dan tidak tampil lagi di katalog.
up-now-available = { $name } tersedia lagi dan tampil di katalog. ✅
up-price-ask = Harga { $name } sekarang { $price }/{ $unit }. Ketik harga baru dalam Rupiah (contoh: 25000, 25.000 atau 25rb):
up-price-need-text = Mohon ketik harganya dengan angka, contoh: 25.000.
up-price-not-number = Harga harus berupa angka dalam Rupiah, contoh: 25000, 25.000, Rp 25.000 atau 25rb.
up-price-positive = Harga harus lebih dari Rp 0.
up-price-whole = Harga harus angka bulat Rupiah tanpa koma atau sen, contoh: 25.000.
up-price-too-large = Harga terlalu besar (maksimal Rp 100.000.000). Mohon periksa kembali.
up-price-too-low = Harga terlalu rendah (minimal { $min }). Maksud Anda { $meant }? Ketik { $digits } atau { $short }.
up-price-changed = Harga { $name } diubah dari { $old } menjadi { $price }. ✅
up-price-same = Harga { $name } sudah { $price }; tidak ada yang diubah.
up-add-name = Nama produk baru ({ $min }–{ $max } karakter, contoh: Nasi Box Ayam Bakar):
up-name-need-text = Mohon ketik nama produk ({ $min }–{ $max } karakter).
up-name-too-short = Nama produk terlalu pendek (minimal { $min } karakter).
up-name-too-long = Nama produk terlalu panjang (maksimal { $max } karakter).
up-name-no-letter = Nama produk harus berisi huruf.
up-add-price = Harga { $name } dalam Rupiah (contoh: 25000, 25.000 atau 25rb):
up-add-unit = Satuan penjualan (1–{ $max } karakter, contoh: box, porsi, bungkus 250 g):
up-unit-need-text = Mohon ketik satuan penjualan (1–{ $max } karakter).
up-unit-empty = Satuan tidak boleh kosong.
up-unit-too-long = Satuan terlalu panjang (maksimal { $max } karakter).
up-unit-no-letter = Satuan harus berisi huruf, contoh: box.
up-add-photo = Kirim foto produk (JPG atau PNG), atau lewati:
up-skip-photo = ⏭️ Tanpa foto
up-photo-need = Mohon kirim foto produk, atau pilih "Tanpa foto".
up-photo-not-image = File itu bukan gambar yang bisa kami baca. Mohon kirim foto (JPG atau PNG).
up-photo-too-large = Foto terlalu besar (maksimal 10 MB). Mohon kirim foto yang lebih kecil.
up-added = Produk baru ditambahkan: { $name }, { $price }/{ $unit }. Sudah tampil di katalog. ✅
ar-asn-only =
    { $channel ->
        [numbered] Maaf, pilihan itu khusus untuk ASN pemesan.
       *[other] Maaf, tombol itu khusus untuk ASN pemesan.
    }
ar-not-yours = Maaf, pesanan itu tidak ditemukan di antara pesanan Anda.
ar-not-rejected = Pesanan { $id } tidak sedang ditolak, jadi tidak perlu diganti.
ar-already-replaced = Pesanan { $id } sudah diganti dengan pesanan { $newId }, jadi tidak bisa diganti lagi. Lihat di 📦 Pesanan saya.
ar-need-id = Ketik nomor pesanan yang ditolak, contoh: /ulang ORD-20261122-00001
ar-pick-other = Silakan pilih produk atau UMKM lain. Paket berikutnya bisa langsung dikirim ke { $name } (penerima pesanan { $id }) tanpa mengisi ulang data.
ar-recipient-offer =
    Kirim ke penerima pesanan { $id } yang ditolak: { $name } (Kel. { $kelurahan })?
    { $channel ->
        [numbered] Ketik 1 untuk penerima ini, atau pilih penerima lain.
       *[other] Tekan tombol pertama, atau pilih penerima lain.
    }
un-owner-new =
    🔔 Pesanan baru untuk { $umkm }!
    { $details }

    📸 Foto di atas adalah bukti pembayaran dari ASN pemesan. Mohon periksa apakah dana sudah masuk, lalu terima atau tolak pesanan ini.
un-owner-hint = Balas dengan /terima { $id } untuk menerima atau /tolak { $id } untuk menolak. Semua pesanan: /pesanan.
un-owner-reminder = ⏰ Pengingat: pesanan { $id } ({ $items }, { $total }) untuk { $umkm } belum ditanggapi sejak lebih dari { $minutes } menit. Mohon terima atau tolak pesanan ini.
un-admin-overdue =
    ⚠️ Pesanan { $id } ({ $total }) belum diterima UMKM dalam { $minutes } menit.
    UMKM: { $umkm } (Kec. { $kecamatan }), pemilik { $owner } { $ownerPhone }
    Pemesan: { $asn } ({ $opd })
    Mohon bantu menghubungi UMKM tersebut.
un-asn-accepted = ✅ Pesanan { $id } sudah diterima oleh { $umkm } dan sedang disiapkan.
un-asn-delivered = 🚚 Pesanan { $id } dari { $umkm } sudah diantar kepada { $name } (Kel. { $kelurahan }). Terima kasih atas kepedulian Anda! 🙏
un-asn-payment-confirmed = 💰 { $umkm } mengonfirmasi pembayaran pesanan { $id } ({ $total }) sudah diterima.
un-asn-overdue = ⏳ Pesanan { $id } belum ditanggapi oleh { $umkm } dalam { $minutes } menit. Kami mengingatkan UMKM dan memberi tahu admin Dinas Koperasi dan UMKM. Anda dapat menunggu atau membatalkan pesanan.
un-asn-rejected =
    Mohon maaf, pesanan { $id } ditolak oleh { $umkm }.
    Alasan: { $reason }
    Uang yang sudah Anda bayarkan akan dikembalikan oleh { $umkm }; bila belum diterima, silakan hubungi { $owner } ({ $ownerPhone }).
    Anda bisa memilih produk atau UMKM lain; data penerima tidak perlu diisi ulang.
un-asn-retry = 🛍️ Pilih produk/UMKM lain
un-asn-retry-hint = Ketik /ulang { $id } untuk memilih produk atau UMKM lain.

## Broadcast (flyers, progress, opt-out)
bc-optout = ℹ️ Tidak ingin menerima info seperti ini lagi? Ketik /berhenti.
bc-flyer =
    { $text }

    { bc-optout }
bc-flyer-photo-only = { bc-optout }
bc-optout-done = Baik, Anda tidak akan menerima info/brosur siaran lagi. Info pesanan tetap kami kirim. Ketik /mulai bila ingin menerimanya kembali.
bc-optin-done = Terima kasih, Anda akan kembali menerima info/brosur siaran. Ketik /berhenti kapan saja untuk berhenti.
bc-progress =
    📣 Siaran { $id } sedang dikirim…
    Terkirim: { $sent } · Gagal: { $failed } · Tidak terjangkau: { $unreachable }
    Sisa: { $left } dari { $total } · Perkiraan selesai: { $eta }
bc-progress-done = ✅ Siaran { $id } selesai: terkirim { $sent } dari { $total }. Ringkasannya ada di pesan berikut.
bc-progress-cancelled = ⏹️ Siaran { $id } dihentikan: terkirim { $sent } dari { $total }. Ringkasannya ada di pesan berikut.
bc-eta-seconds = ± { $n } detik
bc-eta-minutes = ± { $n } menit
bc-stop = ⏹️ Hentikan siaran
bc-summary-done = ✅ Siaran { $id } selesai.
bc-summary-cancelled = ⏹️ Siaran { $id } dihentikan.
bc-summary-counts =
    Penerima: { $total }
    Terkirim: { $sent }
    Gagal: { $failed }
    Tidak terjangkau (memblokir bot): { $unreachable }
    Dilewati (berhenti berlangganan): { $skipped }
    Tidak dikirim karena dihentikan: { $cancelled }

## Admin
admin-title = 🛠️ Menu admin. Silakan pilih:
admin-menu-broadcast = 📣 Kirim siaran (brosur)
admin-menu-scheduled = 🕒 Siaran terjadwal
admin-menu-stats = 📊 Statistik
admin-menu-recap = 🗓️ Rekap harian
admin-menu-failed = ⚠️ Laporan gagal terkirim
admin-menu-import = 📥 Impor data (CSV)
admin-back = ⬅️ Menu admin
admin-unavailable = Maaf, fitur ini sedang tidak tersedia. Silakan coba lagi nanti.
admin-bc-compose = Silakan kirim brosur: foto dengan keterangan (caption), atau teks saja. Maksimal { $max } karakter; kalimat cara berhenti berlangganan akan kami tambahkan otomatis.
admin-bc-need-content = Mohon kirim foto brosur dengan keterangan, atau teks pesannya (maksimal { $max } karakter).
admin-bc-too-long = Teksnya { $length } karakter; maksimal { $max }. Mohon persingkat lalu kirim lagi.
admin-bc-photo-too-large = Ukuran foto terlalu besar (maksimal 10 MB). Mohon kirim foto yang lebih kecil.
admin-bc-not-image = Berkas itu bukan gambar yang bisa kami baca. Mohon kirim foto (JPG/PNG).
admin-bc-audience = Siaran ini dikirim kepada siapa?
admin-bc-aud-asn-all = Semua ASN
admin-bc-aud-asn-opd-pick = ASN dari Perangkat Daerah tertentu
admin-bc-aud-umkm-all = Semua pemilik UMKM
admin-bc-aud-umkm-kec-pick = Pemilik UMKM di kecamatan tertentu
admin-bc-aud-umkm-cat-pick = Pemilik UMKM kategori tertentu
admin-bc-aud-asn-opd = ASN dari: { $opds }
admin-bc-aud-umkm-kec = Pemilik UMKM di Kecamatan { $kecamatan }
admin-bc-aud-umkm-cat = Pemilik UMKM kategori { $category }
admin-bc-opd-ask =
    { $channel ->
        [numbered] Pilih satu atau beberapa Perangkat Daerah (ketik nomornya satu per satu), lalu pilih "Selesai" (halaman { $page }/{ $pages }):
       *[other] Pilih satu atau beberapa Perangkat Daerah, lalu tekan "Selesai" (halaman { $page }/{ $pages }):
    }
admin-bc-prev = ◀️ Sebelumnya
admin-bc-next = Berikutnya ▶️
admin-bc-opd-done = ✔️ Selesai ({ $count } dipilih)
admin-bc-opd-none = Pilih minimal satu Perangkat Daerah terlebih dahulu.
admin-bc-kec-ask = Pilih kecamatan lokasi UMKM:
admin-bc-cat-ask = Pilih kategori UMKM:
admin-bc-preview-title = 👀 Pratinjau — beginilah brosur akan diterima:
admin-bc-preview =
    Penerima: { $audience }
    Akan dikirim ke { $count } akun chat (Telegram { $telegram }, WhatsApp { $whatsapp }{ $console ->
        [0] {""}
       *[other] , orang demo di terminal ini { $console }
    }).
    Tidak dikirim: { $optedOut } berhenti berlangganan, { $unreachable } memblokir bot.
admin-bc-nobody =
    Belum ada akun chat yang bisa menerima siaran untuk: { $audience }.
    ({ $optedOut } berhenti berlangganan, { $unreachable } memblokir bot.) Silakan pilih penerima lain.
admin-bc-send-now = ✅ Kirim sekarang
admin-bc-schedule = 🕒 Jadwalkan
admin-bc-change-audience = 👥 Ubah penerima
admin-bc-cancel = ❌ Batal
admin-bc-cancelled = Siaran dibatalkan, tidak ada yang dikirim.
admin-bc-draft-lost = Maaf, draf siaran tidak lengkap lagi. Silakan kirim ulang brosurnya.
admin-bc-schedule-ask = Kapan siaran dikirim? Ketik waktu WIB, misalnya 14:30 (hari ini atau besok), besok 08:00, atau 01/12/2026 07:30. Sekarang { $now }.
admin-bc-time-format = Format waktu belum sesuai. Contoh: 14:30, besok 08:00, atau 01/12/2026 07:30.
admin-bc-time-past = Waktu itu sudah lewat. Mohon ketik waktu yang akan datang.
admin-bc-time-too-soon = Waktu itu terlalu dekat (sekarang { $now }). Mohon ketik waktu paling cepat 1 menit lagi, atau kembali lalu pilih ✅ Kirim sekarang.
admin-bc-time-too-far = Waktu itu terlalu jauh. Siaran dapat dijadwalkan paling lama 30 hari ke depan.
admin-bc-schedule-confirm = Kirim siaran { $when ->
        [today] hari ini,
        [tomorrow] besok,
       *[other] pada
    } { $at }?
admin-bc-schedule-yes = ✅ Ya, jadwalkan
admin-bc-queued = 📣 Siaran { $id } mulai dikirim. Perkembangannya akan tampil di sini.
admin-bc-scheduled = 🕒 Siaran { $id } dijadwalkan { $when ->
        [today] hari ini,
        [tomorrow] besok,
       *[other] pada
    } { $at }. Lihat atau batalkan lewat /siaranjadwal.
admin-bc-already = Siaran { $id } sudah tercatat sebelumnya, tidak kami kirim dua kali.
admin-bc-stopping = ⏹️ Siaran { $id } sedang dihentikan. Ringkasannya akan segera tampil.
admin-bc-stopped-before-start = ⏹️ Siaran terjadwal { $id } dibatalkan sebelum dikirim.
admin-bc-stop-already = Permintaan menghentikan siaran { $id } sudah kami terima.
admin-bc-stop-too-late = Siaran { $id } sudah selesai.
admin-bc-stop-was-cancelled = Siaran { $id } sudah dibatalkan sebelumnya.
admin-bc-stop-not-found = Siaran { $id } tidak ditemukan. Nomor siaran berbentuk BC-20261122-a1b2c3; lihat /siaranjadwal untuk siaran yang terjadwal atau sedang dikirim.
admin-bcl-empty = Tidak ada siaran yang terjadwal atau sedang dikirim.
admin-bcl-list =
    📋 Siaran yang terjadwal atau sedang dikirim ({ $count }):

    { $lines }
admin-bcl-line-scheduled =
    { $n }. 🕒 { $at } · { $id }
    Penerima: { $audience } (saat ini { $count } akun chat)
    { $preview }
admin-bcl-line-running =
    { $n }. ▶️ Sedang dikirim · { $id }
    Penerima: { $audience } · terkirim { $sent } dari { $total }
    { $preview }
admin-bcl-preview-text = 💬 “{ $text }”
admin-bcl-preview-photo = 🖼️ Foto dengan teks: “{ $text }”
admin-bcl-preview-photo-only = 🖼️ Foto tanpa teks
admin-bcl-more = …dan { $count } siaran lainnya.
admin-bcl-cancel-hint =
    { $channel ->
        [numbered] Pilih siaran bertanda ❌ (ketik nomornya) untuk membatalkan siaran terjadwal.
       *[other] Tekan tombol ❌ untuk membatalkan siaran terjadwal.
    }
admin-bcl-cancel = ❌ Batalkan no. { $n } ({ $at })
admin-bcl-confirm =
    Batalkan siaran { $id }?
    Jadwal: { $at }
    Penerima: { $audience }
    { $preview }
    Setelah dibatalkan, siaran ini tidak akan dikirim.
admin-bcl-yes = ✅ Ya, batalkan
admin-bcl-gone = Siaran itu sudah tidak terjadwal lagi (sudah mulai dikirim, selesai, atau dibatalkan).
admin-bcl-started-meanwhile = ⏹️ Siaran { $id } baru saja mulai dikirim, jadi kami hentikan sekarang. Sebagian penerima mungkin sudah menerimanya; ringkasannya akan segera tampil.
admin-recap-bad-date = Tanggal belum sesuai. Ketik /rekap untuk hari ini, /rekap kemarin, atau tanggal yang sudah lewat, mis. /rekap 20-11-2026.
admin-stats-title = 📊 Statistik belanja produk UMKM oleh ASN (WIB)
admin-stats-period = { $label }: { $purchases } pembelian · { $total }
admin-stats-today = Hari ini ({ $day })
admin-stats-week = Minggu ini (sejak { $day })
admin-stats-month = Bulan ini (sejak { $day })
admin-stats-by-opd = Per Perangkat Daerah, bulan ini:
admin-stats-opd-line = • { $opd }: { $purchases } pembelian, { $total } · { $buyers } dari { $asn } ASN sudah membeli ({ $percent }%)
admin-stats-chart-title = Nilai belanja per Perangkat Daerah — { $month }
admin-stats-chart-caption = 📊 Grafik nilai belanja per Perangkat Daerah, { $month } (persentase: ASN yang sudah membeli).
admin-failed-none = ✅ Tidak ada laporan yang gagal terkirim.
admin-failed-list =
    ⚠️ { $count } laporan gagal terkirim:
    { $lines }
admin-failed-line = • { $id } ({ $kind }), { $attempts }× dicoba, { $time }: { $reason }
admin-failed-retry = 🔁 Ulangi { $id }
admin-failed-retry-all = 🔁 Ulangi semua
admin-failed-retried = Laporan { $id } dikirim ulang.
admin-failed-retried-all = { $count } laporan dikirim ulang.
admin-failed-not-failed = Laporan { $id } tidak lagi berstatus gagal.
admin-import-help =
    📥 Impor data dari CSV (UTF-8, dengan baris judul, maksimal { $max }).
    Kirim berkasnya sebagai dokumen dengan keterangan (caption) salah satu:
    • roster — nip,name,phone,opd,role
    • umkm — id,name,owner_name,owner_phone,category,kecamatan,kelurahan,address
    • products — sku,umkm_id,name,price,unit,description,photo,available
    Semua baris diperiksa dulu; bila ada satu baris yang salah, tidak ada data yang disimpan.
admin-import-need-file = Mohon kirim berkas CSV sebagai dokumen.
admin-import-not-csv = Berkas itu bukan CSV teks (UTF-8). Mohon kirim berkas .csv.
admin-import-too-large = Berkas terlalu besar (maksimal { $max }).
admin-import-fetch-failed = Maaf, berkas belum bisa kami unduh. Silakan kirim ulang.
admin-import-which = Berkas ini berisi data apa?
admin-import-kind-roster = 👥 Roster ASN/admin
admin-import-kind-umkm = 🏪 Data UMKM
admin-import-kind-products = 🏷️ Produk
admin-import-cancel = ❌ Batal
admin-import-cancelled = Impor dibatalkan, tidak ada data yang disimpan.
admin-import-expired = Berkasnya sudah kedaluwarsa. Mohon kirim ulang.
admin-import-done = ✅ Impor { $kind } berhasil: { $added } baru, { $updated } diperbarui, { $unchanged } tetap.
admin-import-busy = Impor lain sedang berjalan. Tidak ada yang diubah; silakan kirim berkas ini lagi setelah impor itu selesai (impor yang terhenti melepas gilirannya paling lama { $seconds } detik kemudian).
admin-import-refused =
    ❌ Impor { $kind } ditolak: { $count } masalah, tidak ada data yang disimpan.
    { $lines }
admin-import-more = …dan { $count } masalah lainnya
admin-import-next = Kirim berkas CSV lain bila perlu.
admin-import-kind-name-roster = daftar ASN
admin-import-kind-name-umkm = UMKM
admin-import-kind-name-products = produk
imp-err-line = { $where }: { $reason }
imp-err-at-column = baris { $line }, kolom { $column }
imp-err-at-header = baris { $line }, judul kolom
imp-err-at-file = baris { $line }, berkas
imp-err-at-row = baris { $line }
imp-err-at-csv = baris { $line }, format CSV
imp-err-empty = (kosong)
imp-err-required = wajib diisi
imp-err-max-chars = maksimal { $max } karakter
imp-err-min-chars = minimal { $min } karakter
imp-err-id = harus 1-32 huruf, angka, - atau _
imp-err-letter-or-digit = harus berisi minimal satu huruf atau angka
imp-err-phone = bukan nomor telepon yang benar
imp-err-duplicate = sama dengan baris { $line }
imp-err-nip-digits = hanya boleh berisi angka
imp-err-nip-length = harus 18 digit, tertulis { $got } digit
imp-err-nip-birth-date = tanggal lahir { $value } bukan tanggal yang ada
imp-err-nip-birth-year = tahun tanggal lahir { $value } harus antara { $from } dan { $to }
imp-err-nip-appointment-month = bulan TMT { $value } bukan bulan yang ada
imp-err-nip-appointment-year = tahun TMT { $value } harus antara { $from } dan { $to }
imp-err-nip-gender = digit jenis kelamin { $value } harus 1 atau 2
imp-err-role = harus asn, admin atau koordinator
imp-err-phone-taken = sudah dipakai NIP { $nip } di daftar ASN
imp-err-category = harus kuliner, fashion, atau kriya
imp-err-kecamatan = { $value } bukan kecamatan di Kota Depok
imp-err-kelurahan = { $value } bukan kelurahan di Kecamatan { $kecamatan }
imp-err-price-format = { $value } bukan harga Rupiah bulat; tulis angka saja atau dengan titik, mis. 25.000
imp-err-price-range = { $value } harus antara 1 dan { $max }
imp-err-available = { $value } harus ya atau tidak (juga boleh true, false, yes, no, 1, 0)
imp-err-photo = harus kosong, URL https, atau path gambar .jpg/.png/.webp
imp-err-umkm-missing = UMKM { $id } belum ada (impor data UMKM terlebih dahulu)
imp-err-missing-column = kolom { $column } tidak ada
imp-err-empty-column = kolom ke-{ $n } tidak bernama
imp-err-unknown-column = kolom { $column } tidak dikenal
imp-err-column-twice = kolom { $column } muncul dua kali
imp-err-file-empty = berkasnya kosong
imp-err-no-rows = tidak ada baris data setelah baris judul
imp-err-field-count = berisi { $got } kolom, seharusnya { $expected }

## Telegram command menu
cmd-start = Mulai / daftar
cmd-menu = Menu utama
cmd-cari = Cari produk UMKM
cmd-keranjang = Lihat keranjang
cmd-riwayat = Pesanan saya
cmd-batal = Batalkan langkah ini
cmd-bahasa = Ganti bahasa
cmd-bantuan = Bantuan
cmd-hapusdata = Hapus data penerima saya

## Operations: flood control
flood-notice = Mohon maaf, pesan Anda terlalu cepat. 🙏 Mohon tunggu sebentar, lalu kirim kembali pesan Anda satu per satu.

## Broadcast: stop by typing (WhatsApp)
bc-stop-hint = Untuk menghentikan, ketik /hentikan { $id }
admin-bc-stop-need-id = Ketik /hentikan diikuti nomor siarannya, misalnya /hentikan BC-20261122-a1b2c3.

## Report payment follow-up
report-payment-followup = ✅ UMKM telah mengonfirmasi pembayaran untuk laporan { $orderId }.
report-rejected-followup = ❌ Pesanan { $orderId } DITOLAK oleh UMKM, jadi tidak dihitung sebagai pembelian. Alasan: { $reason }

## Report in the terminal demo
report-console-title = 📨 [Demo] Laporan untuk Kantor Wali Kota (belum ada tujuan laporan yang diatur):

## payment (issue 12)
menu-owner-payment = 💳 Pembayaran saya
pay-not-available = ⚠️ Pembayaran belum tersedia: UMKM ini belum mencantumkan rekening, e-wallet, atau QRIS, jadi belum bisa dipesan.
pay-admin-missing = ⚠️ { $count } UMKM belum punya data pembayaran (tampil di katalog, tetapi belum bisa dipesan): { $ids }{ $more ->
        [0] {""}
       *[other] {" "}dan { $more } lainnya
    }.
pay-ask =
    Silakan lakukan pembayaran { $total } kepada { $umkm } untuk pesanan { $id }.

    💳 Cara membayar:
    { $details }{ $copyHint ->
        [yes] {"\u000A"}(Ketuk nomor untuk menyalinnya.)
       *[no] {""}
    }

    Setelah membayar, kirim foto bukti pembayaran (struk atau tangkapan layar) di sini. 📸
pay-ask-again =
    Silakan lakukan pembayaran { $total } kepada { $umkm } untuk pesanan { $id }:
    { $details }
pay-line-bank = 🏦 Transfer { $bank }: { $number } a.n. { $holder }
pay-line-ewallet = 📱 { $provider }: { $number }
pay-line-qris = 🔳 QRIS a.n. { $merchant }
pay-qris-caption = QRIS { $umkm }. Pastikan nama penerima di aplikasi Anda: { $merchant }.
pay-changed-recently = ⚠️ Data pembayaran UMKM ini baru diubah ({ $when }). Periksa nama penerima di aplikasi Anda sebelum membayar; bila ragu, tanyakan kepada { $owner } ({ $phone }).
pay-method-ask = Terima kasih. Pesanan { $id } Anda bayar lewat apa?
pay-method-bank = 🏦 Transfer bank
pay-method-ewallet = 📱 E-wallet
pay-method-qris = 🔳 QRIS
pay-method-choose = Pilih dulu cara Anda membayar; foto bukti tadi sudah kami simpan.
pay-method-name-bank = transfer bank
pay-method-name-ewallet = e-wallet
pay-method-name-qris = QRIS
report-paid-with = Dibayar lewat: { $method }
pay-own-none = 💳 { $umkm } belum punya data pembayaran, jadi produknya belum bisa dipesan. Tambahkan rekening bank, e-wallet, atau QRIS:
pay-own-view =
    💳 Data pembayaran { $umkm }:
    { $details }
pay-own-add-bank = 🏦 Tambah rekening bank
pay-own-change-bank = 🏦 Ubah rekening bank
pay-own-add-ewallet = 📱 Tambah e-wallet
pay-own-change-ewallet = 📱 Ubah e-wallet
pay-own-add-qris = 🔳 Tambah QRIS
pay-own-change-qris = 🔳 Ganti QRIS
pay-own-remove = 🗑️ Hapus salah satu
pay-own-need-text = Mohon ketik jawabannya sebagai teks.
pay-own-bank-ask = Ketik nama bank Anda (contoh: BCA, BRI, Mandiri, BSI):
pay-own-bank-unknown = Nama bank itu tidak kami kenal. Mungkin maksud Anda: { $nearest }?
pay-own-number-ask = Ketik nomor rekening { $bank } (angka saja, 6–20 digit):
pay-own-number-bad = Nomor rekening harus angka saja, 6–20 digit.
pay-own-holder-ask = Ketik nama pemilik rekening, persis seperti tercatat di bank:
pay-own-holder-bad = Nama pemilik rekening harus berisi huruf, paling banyak { $max } karakter.
pay-own-ewallet-ask = Pilih e-wallet Anda:
pay-own-ewallet-number-ask = Ketik nomor HP akun { $provider } Anda (contoh: 0812 3456 7890):
pay-own-ewallet-number-bad = Itu bukan nomor HP yang sah. Contoh: 0812 3456 7890.
pay-own-qris-ask = Kirim foto atau gambar QRIS Anda (kode QR dari bank atau e-wallet, terlihat utuh dan jelas):
pay-own-qris-need-photo = Mohon kirim gambar QRIS (foto atau tangkapan layar).
pay-qris-too-large = Gambarnya terlalu besar (maksimal 10 MB).
pay-qris-bad-not-image = File itu bukan gambar yang bisa kami baca. Kirim foto atau tangkapan layar QRIS.
pay-qris-bad-no-qr = Kami tidak menemukan kode QR di gambar itu. Kirim gambar QRIS yang utuh dan jelas.
pay-qris-bad-not-emv = Kode QR itu bukan QRIS (isinya tidak diawali 000201). Kirim QRIS dari bank atau e-wallet Anda.
pay-qris-bad-bad-tlv = Isi kode QR itu tidak terbaca sebagai QRIS. Kirim QRIS asli dari bank atau e-wallet Anda.
pay-qris-bad-no-crc = QRIS itu tidak punya kode pemeriksa (tag 63), jadi tidak sah.
pay-qris-bad-bad-crc = Kode pemeriksa QRIS itu salah: kodenya rusak atau diubah. Kirim QRIS asli dari bank atau e-wallet Anda.
pay-qris-bad-no-merchant = QRIS itu tidak mencantumkan nama merchant, jadi pembeli tidak bisa memeriksanya.
pay-own-keep-one = Minimal satu cara pembayaran harus ada, jadi yang terakhir tidak bisa dihapus.
pay-own-remove-ask = Mana yang dihapus?
pay-own-confirm =
    Periksa lagi data pembayaran baru Anda:
    { $details }

    Sudah benar? Pesanan yang sedang menunggu pembayaran tetap memakai data lama yang sudah ditunjukkan kepada pembelinya.
pay-own-confirm-yes = ✅ Ya, simpan
pay-own-confirm-no = ❌ Batal
pay-own-saved = ✅ Data pembayaran disimpan.
pay-own-unchanged = Data pembayaran tidak diubah.
imp-err-pay-bank-required = wajib diisi bila ada nomor rekening
imp-err-pay-bank-unknown = bank { $value } tidak dikenal; mungkin: { $nearest }
imp-err-pay-number-required = wajib diisi bila ada bank
imp-err-pay-number = harus angka saja, 6–20 digit
imp-err-pay-holder-required = nama pemilik rekening wajib diisi bila ada rekening
imp-err-pay-ewallet-format = harus berisi nama e-wallet dan nomor HP, misalnya GoPay 081234567890
imp-err-pay-ewallet-provider = { $value } bukan e-wallet yang dikenal (GoPay, OVO, DANA, ShopeePay, LinkAja)
imp-err-pay-ewallet-number = nomor e-wallet bukan nomor HP yang sah
imp-err-pay-qris-no-media = MEDIA_DIR tidak diatur, gambar QRIS tidak bisa dibaca
imp-err-pay-qris-invalid = gambar QRIS ditolak: { $reason }
## coordinators (issue 16)
menu-coordinator = 🏢 Unit saya
menu-help-coordinator =
    Untuk koordinator unit:
    • /unit — partisipasi ASN unit Anda, nama yang belum membeli bulan ini, dan pengingat mingguan
coord-title = 🏢 Partisipasi ASN — { $unit } ({ $asn } ASN)
coord-this-month = Bulan ini (sejak { $day }): { $buyers } dari { $asn } ASN sudah membeli ({ $percent }%) · { $purchases } pembelian · { $total }
coord-last-month = Bulan lalu (sejak { $day }): { $buyers } dari { $asn } ASN membeli ({ $percent }%) · { $purchases } pembelian · { $total }
coord-weeks = Per minggu (mulai Senin):
coord-week-line = • { $day }: { $buyers } ASN · { $purchases } pembelian · { $total }
coord-chart-title = Belanja UMKM per minggu — { $unit }
coord-chart-subtitle = Nilai belanja dan jumlah ASN yang membeli, bulan lalu dan bulan ini
coord-chart-caption = 📊 Grafik belanja per minggu, { $unit }.
coord-names-button = 👥 Belum membeli ({ $count })
coord-nudge-button = 🔔 Kirim pengingat
coord-names =
    👥 ASN { $unit } yang belum membeli bulan ini ({ $count }):
    { $names }{ $more ->
        [0] {""}
       *[other] {"\u000A"}… dan { $more } lainnya
    }

    🔒 Daftar ini hanya untuk Anda sebagai koordinator unit, semata untuk mengajak rekan ikut program (UU PDP). Mohon tidak disebarkan.
coord-names-none = 🎉 Semua ASN { $unit } sudah membeli bulan ini.
coord-nudge-no-text = Teks pengingat belum ditetapkan oleh admin. Pengingat baru bisa dikirim setelah admin menetapkannya.
coord-nudge-done-week = Unit Anda sudah dikirimi pengingat pada { $at }. Pengingat berikutnya bisa dikirim mulai { $next }.
coord-nudge-week = Pengingat hanya bisa dikirim sekali seminggu per unit. Berikutnya bisa mulai { $next }.
coord-nudge-nobody = Dari { $count } ASN yang belum membeli, belum ada yang bisa dihubungi lewat bot ({ $optedOut } memilih berhenti menerima info, { $unreachable } tidak dapat dihubungi). Pengingat tidak dikirim.
coord-nudge-preview-title = Pengingat yang akan diterima (teks dari admin):
coord-nudge-confirm = Dikirim kepada { $reach } chat dari { $count } ASN yang belum membeli bulan ini ({ $optedOut } memilih berhenti menerima info, { $unreachable } tidak dapat dihubungi). Pengingat hanya bisa dikirim sekali seminggu. Kirim sekarang?
coord-nudge-send = 🔔 Kirim pengingat
coord-nudge-sent = 🔔 Pengingat { $id } mulai dikirim kepada ASN yang belum membeli ({ $count }). Perkembangannya akan tampil di sini.
coord-text-current =
    Teks pengingat saat ini:
    { $text }

    Untuk menggantinya, ketik /tekspengingat diikuti teks baru (paling banyak { $max } karakter).
coord-text-none = Belum ada teks pengingat. Ketik /tekspengingat diikuti teksnya (paling banyak { $max } karakter), misalnya: /tekspengingat Yuk ikut belanja produk UMKM Depok bulan ini untuk warga isoman!
coord-text-too-long = Teks pengingat terlalu panjang ({ $length } karakter, paling banyak { $max }). Teks yang lama tetap berlaku.
coord-text-set =
    ✅ Teks pengingat disetujui. Koordinator unit akan mengirim teks ini:
    { $text }
admin-bc-aud-asn-nips = ASN { $unit } yang belum membeli ({ $count })
imp-err-scope-not-koordinator = hanya koordinator yang punya unit (kosongkan scope_type dan scope)
imp-err-scope-type-required = wajib diisi untuk koordinator: opd, kecamatan atau kelurahan
imp-err-scope-type = harus opd, kecamatan atau kelurahan (tertulis { $value })
imp-err-scope-required = wajib diisi untuk koordinator
imp-err-scope-opd = { $value } bukan Perangkat Daerah yang ada di daftar ASN
imp-err-kelurahan-ambiguous = { $value } adalah kelurahan di { $kecamatan }: tulis kecamatan/kelurahan
imp-err-kec-kel = { $value } bukan kecamatan/kelurahan di Kota Depok
imp-err-kelurahan-depok = { $value } bukan kelurahan di Kota Depok

## where a UMKM comes from (issue 16)
imp-err-binaan = harus opd:<nama OPD>, kecamatan:<nama> atau koperasi:<nama> (tertulis { $value })
menu-binaan = 🤝 UMKM binaan
binaan-title = 🤝 UMKM binaan: pilih asal UMKM yang ingin Anda lihat.
binaan-my-opd = 🏛️ UMKM binaan OPD saya ({ $opd })
binaan-by-koperasi = 🤝 Per koperasi
binaan-koperasi-pick = Pilih koperasi:
binaan-koperasi-none = Belum ada UMKM anggota koperasi di katalog.
binaan-label-opd = binaan { $name }
binaan-label-koperasi = anggota { $name }
binaan-none = Belum ada UMKM { $label } di katalog.
binaan-list =
    🤝 UMKM { $label } ({ $count }):
    { $lines }

    Pilih UMKM untuk melihat produknya.
recap-by-source = Menurut asal UMKM:
recap-source-line = • { $source ->
        [opd] UMKM binaan OPD
        [kecamatan] Komunitas UMKM kecamatan
        [koperasi] Anggota koperasi
       *[none] Tanpa keterangan binaan
    }: { $purchases } pembelian, { $total }

## UMKM per kelurahan (issue 16)
admin-stats-kel-title = 🏘️ UMKM per kelurahan, bulan ini (terdaftar · sudah menjual · nilai):
admin-stats-kel-line = • { $kelurahan } ({ $kecamatan }): { $registered } UMKM · { $sold } menjual · { $total }
admin-stats-kel-none = 🏘️ Belum ada UMKM terdaftar di kelurahan mana pun.
admin-stats-kel-csv = 📄 CSV per kelurahan
admin-stats-kel-csv-caption = 📄 UMKM per kelurahan dan kecamatan, { $month } (CSV)

## monthly report to the mayor (issue 16)
monthly-title = 📅 Laporan Bulanan Partisipasi ASN Belanja Produk UMKM — { $month }
monthly-summary = Seluruh ASN: { $buyers } dari { $asn } sudah membeli ({ $percent }%, { $points } poin dari { $prev }) · { $purchases } pembelian · { $total } ({ $change })
monthly-by-opd = Peringkat per Perangkat Daerah (persentase ASN yang membeli):
monthly-by-kecamatan = Peringkat per kecamatan (ASN kantor kecamatan dan kelurahannya):
monthly-line = { $rank }. { $name }: { $buyers }/{ $asn } ASN ({ $percent }%, { $points } poin) · { $purchases } pembelian · { $total } ({ $change })
monthly-by-kelurahan = UMKM per kelurahan (terdaftar · menjual bulan itu · nilai):
monthly-chart-title = Nilai belanja per Perangkat Daerah, peringkat partisipasi — { $month }
monthly-chart-caption = 📊 Grafik laporan bulanan { $month }: nilai belanja per Perangkat Daerah (persentase: ASN yang sudah membeli).
monthly-csv-caption = Rincian laporan bulanan { $month } (CSV)
admin-recap-bad-month = Bulan belum sesuai. Tulis seperti /rekap bulan 2026-10, atau /rekap bulan saja untuk bulan lalu. Bulan berjalan dan bulan depan belum bisa dilaporkan.

## recipients who are ASN (issue 16)
recipient-is-asn = 👤 Penerima ini ASN (isi NIP)
recipient-ask-nip = Ketik NIP penerima (18 angka). NIP hanya untuk pencatatan dan tidak pernah dicantumkan dalam laporan.
recipient-nip-bad = NIP belum sesuai: { $reason }. Coba ketik lagi, atau pilih Kembali.
recipient-asn-noted = ✅ NIP penerima tercatat.
recap-recipient-kinds = Penerima: { $resident } warga, { $asn } ASN isoman
## owners who have not linked, invitations, orders nobody accepts (issue 12)
cart-umkm-not-linked = ℹ️ UMKM ini belum terhubung ke layanan; pesanan Anda kami teruskan begitu pemiliknya terhubung.
receipt-thanks-unlinked = ✅ Bukti pembayaran pesanan { $id } ({ $total }) diterima. UMKM ini belum terhubung ke layanan; pesanan Anda kami teruskan begitu pemiliknya terhubung, dan laporan sedang diteruskan ke Kantor Wali Kota.
uo-done-accepted-unlinked =
    { $channel ->
        [numbered] ✅ Pesanan { $id } diterima. ASN pemesan belum dapat kami hubungi lewat layanan ini; kabar ini kami teruskan begitu ia terhubung kembali. Setelah paket sampai, pilih "Sudah diantar".
       *[other] ✅ Pesanan { $id } diterima. ASN pemesan belum dapat kami hubungi lewat layanan ini; kabar ini kami teruskan begitu ia terhubung kembali. Setelah paket sampai, tekan "Sudah diantar".
    }
uo-done-delivered-unlinked = 🚚 Pesanan { $id } ditandai sudah diantar. Terima kasih! ASN pemesan belum dapat kami hubungi lewat layanan ini; kabar ini kami teruskan begitu ia terhubung kembali.
uo-done-delivered-unpaid-unlinked =
    { $channel ->
        [numbered] 🚚 Pesanan { $id } ditandai sudah diantar. Terima kasih! ASN pemesan belum dapat kami hubungi lewat layanan ini; kabar ini kami teruskan begitu ia terhubung kembali. Setelah uangnya Anda terima, pilih "Pembayaran sudah masuk".
       *[other] 🚚 Pesanan { $id } ditandai sudah diantar. Terima kasih! ASN pemesan belum dapat kami hubungi lewat layanan ini; kabar ini kami teruskan begitu ia terhubung kembali. Setelah uangnya Anda terima, tekan "Pembayaran sudah masuk".
    }
uo-done-rejected-unlinked = Pesanan { $id } ditolak. ASN pemesan belum dapat kami hubungi lewat layanan ini; alasannya kami teruskan begitu ia terhubung kembali. Mohon kembalikan uang yang sudah dibayarkan kepadanya.
un-owner-wa-note = Selamat siang, { $owner }. Ini layanan Belanja UMKM Pemerintah Kota Depok (Dinas Koperasi dan UMKM). Ada pesanan dari ASN untuk { $umkm } yang menunggu Anda. Balas pesan ini (misalnya ketik "halo") untuk menghubungkan nomor Anda dan melihat pesanannya. Bila bukan Anda pemilik { $umkm }, abaikan pesan ini.
un-owner-cancelled = ❌ Pesanan { $id } ({ $total }) untuk { $umkm } dibatalkan oleh ASN pemesan karena belum ditanggapi dalam { $minutes } menit. Mohon kembalikan uang { $total } kepada { $asn } ({ $asnPhone }).
un-asn-overdue-unlinked = ⏳ Pesanan { $id } belum ditanggapi dalam { $minutes } menit: { $umkm } belum terhubung ke layanan, jadi pesanan Anda belum sampai kepada pemiliknya. Admin Dinas Koperasi dan UMKM sudah kami beri tahu. Anda dapat menunggu atau membatalkan pesanan.
un-asn-overdue-wait = ⏳ Tunggu saja
un-asn-overdue-cancel = ❌ Batalkan pesanan
un-asn-overdue-hint = Ketik /tunggu { $id } untuk tetap menunggu, atau /batalkan { $id } untuk membatalkan pesanan.
ov-waiting = Baik, pesanan { $id } tetap menunggu { $umkm }. Anda akan kami kabari begitu UMKM menanggapinya. Bila berubah pikiran, ketik /batalkan { $id } selama pesanan belum diterima.
ov-cancel-ask = Batalkan pesanan { $id } ({ $total }, { $umkm })? Uang yang sudah Anda bayarkan dikembalikan oleh pemilik UMKM, { $owner } ({ $ownerPhone }).
ov-cancel-yes = ✅ Ya, batalkan
ov-cancel-no = ↩️ Tidak, tetap menunggu
ov-cancelled = Pesanan { $id } dibatalkan. Uang Anda ({ $total }) dikembalikan oleh pemilik { $umkm }, { $owner } ({ $ownerPhone }); pembatalan ini kami teruskan kepadanya. Kantor Wali Kota juga diberi tahu. Bila uang belum kembali dalam 3 hari, hubungi { $contact }.
ov-cancelled-unlinked = Pesanan { $id } dibatalkan. Uang Anda ({ $total }) dikembalikan oleh pemilik { $umkm }, { $owner } ({ $ownerPhone }). Pemiliknya belum terhubung ke layanan: mohon hubungi beliau langsung; pembatalan ini juga kami teruskan begitu ia terhubung. Kantor Wali Kota juga diberi tahu. Bila uang belum kembali dalam 3 hari, hubungi { $contact }.
ov-need-id = Mohon sertakan nomor pesanannya, misalnya /batalkan ORD-20261122-00001.
ov-not-yours = Pesanan itu tidak ditemukan di antara pesanan Anda.
ov-not-open = Pesanan { $id } sudah tidak menunggu UMKM (status: { $status }), jadi tidak ada yang perlu diubah.
ov-not-overdue = Pesanan { $id } masih dalam batas waktu { $minutes } menit untuk ditanggapi UMKM. Pembatalan bisa dilakukan setelah batas itu lewat.
report-cancelled-followup = ❌ Pesanan { $orderId } ({ $umkm }) DIBATALKAN oleh ASN karena tidak ditanggapi UMKM dalam batas waktu, jadi tidak dihitung sebagai pembelian. Uang dikembalikan oleh pemilik UMKM kepada ASN.
invite-welcome =
    { $channel ->
        [numbered] Selamat datang, pemilik { $umkm }! 👋 WhatsApp belum memperlihatkan nomor Anda kepada kami. Mohon bagikan nomor telepon Anda di chat ini, lalu kirim pesan lagi. Nomornya harus nomor pemilik yang terdaftar di Dinas Koperasi dan UMKM.
       *[other] Selamat datang, pemilik { $umkm }! 👋 Untuk menghubungkan akun ini, tekan tombol "📱 Bagikan nomor saya" di bawah layar. Nomornya harus nomor pemilik yang terdaftar di Dinas Koperasi dan UMKM.
    }
invite-unknown = Tautan undangan ini tidak kami kenali. Mohon minta undangan baru kepada { $contact }.
invite-expired = Tautan undangan ini sudah kedaluwarsa. Mohon minta undangan baru kepada { $contact }.
invite-used = Tautan undangan ini sudah pernah dipakai. Bila Anda pemilik UMKM dan belum terhubung, mohon minta undangan baru kepada { $contact }.
invite-not-yours = Maaf, undangan ini untuk pemilik { $umkm } dan nomor Anda bukan nomor pemilik yang terdaftar, jadi tidak ada yang kami hubungkan. Bila nomor pemilik sudah berganti, hubungi { $contact }.
invite-already-linked = Akun ini sudah terhubung sebagai pemilik { $umkm }. ✅
admin-menu-umkm = 🏪 Pemilik UMKM & undangan
au-title =
    🏪 Pemilik UMKM: { $linked } terhubung, { $unlinked } belum (dari { $total }).
    { $kecamatan }
au-kecamatan-line = • Kec. { $kecamatan }: { $linked } terhubung, { $unlinked } belum
au-overdue-title = ⏳ Pesanan belum diterima UMKM lewat { $minutes } menit:
au-overdue-line = • { $id } — { $umkm } ({ $total }), dipesan { $at } WIB{ $linked }
au-overdue-unlinked-mark = , pemilik belum terhubung
au-none-overdue = ✅ Tidak ada pesanan yang terlambat diterima.
au-unlinked-title = Belum terhubung (yang punya pesanan menunggu lebih dulu):
au-umkm-line = • { $id } { $umkm } (Kec. { $kecamatan }){ $waiting }
au-waiting-mark = — { $count } pesanan menunggu
au-pick-hint = Pilih UMKM untuk melihat undangannya, atau ketik ID/nama UMKM.
au-csv = 📄 CSV semua undangan
au-not-found = UMKM "{ $query }" tidak ditemukan. Ketik ID atau sebagian nama UMKM.
au-invite =
    📨 Undangan untuk { $umkm } (Kec. { $kecamatan })
    Pemilik: { $owner } ({ $ownerPhone }){ $status }
    { $links }
    Berlaku sampai { $expires } WIB, sekali pakai. Undangan hanya menghubungkan nomor pemilik yang terdaftar.
au-invite-linked = , sudah terhubung
au-invite-unlinked = , belum terhubung
au-invite-telegram = Telegram: { $link }
au-invite-whatsapp = WhatsApp: { $link }
au-invite-no-links = Tautan belum tersedia: Telegram dan WhatsApp belum berjalan di server ini.
au-back = ↩️ Daftar UMKM
au-csv-done = 📄 Undangan { $count } UMKM yang belum terhubung, untuk petugas lapangan.
au-card-title = Undangan Belanja UMKM Kota Depok
au-card-telegram = Pindai untuk Telegram
au-card-whatsapp = Pindai untuk WhatsApp
## search (issue 15)
browse-search-emoji = Emoji itu belum bisa kami cari. Ketik nama produknya dengan huruf, contoh: keripik, rendang, batik.

## terminal demo personas (issue 15)
console-intro = Ketik /sebagai untuk menjadi orang demo lain: ASN, pemilik UMKM, admin, atau Kantor Wali Kota.
console-personas-title = Di obrolan terminal ini Anda bisa menjadi salah satu orang demo berikut, masing-masing dengan obrolannya sendiri:
console-persona-asn = { $name } (ASN { $of })
console-persona-owner = { $name } (UMKM { $of })
console-persona-admin = { $name } (Admin { $of })
console-persona-mayor = Kantor Wali Kota (hanya membaca laporan)
console-personas-current = ← Anda sekarang
console-personas-pick = Ketik nomornya (atau /sebagai <nomor>). Ini hanya ada di terminal, tidak di Telegram atau WhatsApp.
console-persona-unknown = Tidak ada orang demo "{ $query }". Ketik /sebagai untuk melihat daftarnya.
console-switched = Sekarang Anda: { $who }.
console-waiting = 📬 { $count } pesan menunggu:
console-mayor-empty = Belum ada laporan untuk Kantor Wali Kota.
console-last-screen = Layar terakhir Anda:
console-message-for = ── pesan untuk { $who } ──
console-notice = pemberitahuan
console-read-only = Kantor Wali Kota hanya membaca laporan di sini. Ketik /sebagai untuk menjadi orang lain.

## answers that help (issue 15)
engine-ambiguous-choice =
    "{ $typed }" cocok dengan lebih dari satu pilihan:
    { $options }
    Pilih salah satunya, atau ketik namanya lebih lengkap.
cart-qty-price-ask = "{ $typed }" terlihat seperti harga. Maksudnya { $qty } buah?
cart-qty-price-yes = ✅ Ya, { $qty } buah
cart-qty-price-too-large = Itu terlihat seperti harga. Ketik jumlah barang yang ingin Anda beli (1–{ $max }), misalnya 2.
recipient-own-phone-ask = { $phone } adalah nomor Anda sendiri. Penerima adalah Anda sendiri?
recipient-own-phone-yes = ✅ Ya, saya penerimanya
recipient-own-phone-no = ✏️ Bukan, ganti nomor
receipt-none-waiting = Tidak ada pesanan yang menunggu bukti pembayaran, jadi foto ini tidak kami simpan. Pesanan Anda ada di /riwayat.
## Reports sent again after a crash (issue 14)
report-resent-note = 🔁 DIKIRIM ULANG — laporan { $reportId }: pengiriman sebelumnya terputus, jadi pesan ini mungkin salinan. Ini bukan pesanan baru.
chat-resent-note = 🔁 Dikirim ulang (pesanan { $orderId }): pengiriman sebelumnya terputus, jadi pesan ini mungkin sudah Anda terima. Ini bukan pesanan baru.
## hardening (issue 14)
receipt-too-many-pixels = Foto terlalu besar resolusinya (lebih dari { $megapixels } megapiksel). Mohon kirim tangkapan layar atau foto biasa dari kamera ponsel.
up-photo-too-many-pixels = Foto terlalu besar resolusinya (lebih dari { $megapixels } megapiksel). Mohon kirim foto yang lebih kecil.
admin-bc-photo-too-many-pixels = Foto terlalu besar resolusinya (lebih dari { $megapixels } megapiksel). Mohon kirim foto yang lebih kecil.
admin-import-encoding = Berkas ini tidak bisa kami baca sebagai teks CSV. Di Excel, pilih File > Save As > "CSV UTF-8 (Comma delimited) (*.csv)", lalu kirim berkas itu.
imp-err-photo-missing = { $value } tidak ada di folder foto (MEDIA_DIR)
imp-err-photo-outside = { $value } mengarah ke luar folder foto (MEDIA_DIR), jadi ditolak
imp-err-photo-url = harus alamat https tanpa nama pengguna atau kata sandi
imp-err-photo-private = { $value } bukan alamat internet publik
imp-err-photo-download = gagal diunduh ({ $why })
imp-err-photo-not-image = bukan gambar
imp-err-photo-too-large = lebih dari { $max } MB
imp-err-photo-pixels = lebih dari { $max } megapiksel

## cooperative acting for its member UMKM (issue 16 item 3)
koperasi-register-found = 🤝 { $koperasi }, untuk anggota: { $umkm } (Kec. { $kecamatan })
koperasi-choose = Anda menangani pesanan { $count } UMKM (milik Anda dan anggota koperasi). Pilih UMKM yang pesanannya ingin Anda kelola sekarang:

## one-message recipient, the shorter WhatsApp purchase (issue 13 leftovers)
recipient-form-hint =
    ✍️ Bisa juga sekaligus dalam satu pesan, satu data per baris: nama, nomor HP, alamat, kelurahan, lalu catatan (boleh tidak ada). Contoh:
    Ahmad Fauzi
    0812 3456 7890
    Jl. Melati No. 7, RT 03/RW 08
    Kel. Mekarjaya
    Pagar hijau dekat masjid
recipient-form-field-name = Nama
recipient-form-field-phone = Nomor HP
recipient-form-field-address = Alamat
recipient-form-field-kelurahan = Kelurahan
recipient-form-field-note = Catatan
recipient-form-kept = ✅ Sudah kami catat: { $fields }.
recipient-form-problem = ⚠️ { $field }: { $reason }
recipient-form-kelurahan-unknown = "{ $typed }" tidak kami temukan di antara kelurahan Kota Depok.
recipient-form-kelurahan-ambiguous = "{ $typed }" ada di lebih dari satu tempat: { $options }.
recipient-form-kelurahan-not-in = Kelurahan "{ $typed }" tidak ada di Kec. { $kecamatan }.
post-caption-below = Teks untuk unggahan media sosial Anda ada di pesan berikut: salin seluruhnya.
menu-search-hint = 🔎 Atau langsung ketik nama produk yang Anda cari, misalnya: rendang.
register-search-kept = Setelah Anda menjawab "Ya, benar", kami tampilkan hasil pencarian "{ $query }".
au-umkm-line-numbered = { $n }. { $id } { $umkm } (Kec. { $kecamatan }){ $waiting }
receipt-pick-order-pdf = Bukti pembayaran (PDF) ini untuk pesanan yang mana?
