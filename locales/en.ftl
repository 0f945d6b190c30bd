# Belanja UMKM bot: English. Keys are kebab-case, grouped by flow.

## Engine
engine-error = Sorry, something went wrong on our side. Please try again shortly, or type /menu.
engine-unavailable = Sorry, the service is having a problem and your message was not processed. Please send it again in a little while.
engine-nothing = Type /menu to see the options.
engine-too-long = Your message is too long (at most { $max } characters). Please send a shorter one.
engine-stale-button =
    { $channel ->
        [numbered] That choice is no longer valid. Please choose from the latest message.
       *[other] That button is no longer valid. Please choose from the latest message.
    }
engine-repeat-tap = Already done. 👍
engine-unknown-command = The command /{ $command } is unknown. Type /menu to see the options.
engine-unknown-command-unregistered = The command /{ $command } is unknown. Type /start to register.
engine-not-allowed = Sorry, that command is not for your account.
engine-register-first = Please register first with /start.
engine-unexpected-input = Sorry, we cannot handle that message at this step.

## UI (shared buttons)
ui-literal = { $text }
ui-back = ⬅️ Back
ui-menu = 🏠 Main menu
ui-choose-button =
    { $channel ->
        [numbered] { $choices ->
            [0] Please choose from the numbered list, or type /menu.
            [1] Type 1 or the name of the option.
           *[other] Type a number from 1 to { $choices } or the name of the option.
        }
       *[other] Please choose one of the buttons below (or type its number).
    }

## Register
register-welcome =
    Welcome to the Depok UMKM Shopping service 🙏
    This service is for Depok civil servants (ASN) buying local small-business products for residents in self-isolation, and for the small businesses themselves.

    { $channel ->
        [numbered] To begin, we need to match your number with the staff roster, but WhatsApp has not shown us your number yet. Please share your phone number in this chat, then send a message again.
       *[other] To begin, tap "📱 Share my number" below so we can match your number with the staff roster.
    }
register-share-contact = 📱 Share my number
register-need-contact =
    { $channel ->
        [numbered] WhatsApp has not shown us your number yet. Please share your phone number in this chat, then send a message again.
       *[other] Please tap the "📱 Share my number" button at the bottom of the screen to register.
    }
register-use-button =
    { $channel ->
        [numbered] For your security, numbers cannot be typed: we only use the number WhatsApp itself shows us. Please share your phone number in this chat, then send a message again.
       *[other] For your security, numbers cannot be typed. Please tap "📱 Share my number" at the bottom of the screen.
    }
register-not-own-contact =
    { $channel ->
        [numbered] Sorry, a contact card cannot be used: we only use your own number as WhatsApp shows it. Please share your phone number in this chat, then send a message again.
       *[other] Sorry, only your own number can be used. Tap "📱 Share my number", not someone else's contact.
    }
register-bad-phone =
    { $channel ->
        [numbered] We could not read that number. Please share your phone number in this chat, then send a message again.
       *[other] We could not read that number. Please share your number with the button below.
    }
register-not-on-roster =
    Sorry, your number is not registered for this service.
    If you are a Depok civil servant or small-business owner, please contact { $contact } to have your number added, then type /start again.
register-found-person = 👤 { $name } — { $opd }
register-found-umkm = 🏪 { $umkm } (Kec. { $kecamatan })
register-confirm =
    Your number is registered to:
    { $details }

    Is this correct?
register-yes = ✅ Yes, that's me
register-no = ❌ Not me
register-not-me =
    { $channel ->
        [numbered] All right, your account was not linked. If the data is wrong, please contact { $contact }. Once it is corrected, choose "🔄 Try again" (type its number).
       *[other] All right, your account was not linked. If the data is wrong, please contact { $contact }. Once it is corrected, tap "🔄 Try again".
    }
register-again = 🔄 Try again
register-done = Thank you, your account is linked. ✅

## Menu
menu-title = Hello, { $name }! Please choose:
menu-title-anon = Main menu. Please choose:
menu-browse = 🛍️ Browse the UMKM catalogue
menu-search = 🔎 Search products
menu-cart = 🛒 Cart ({ $count ->
        [one] 1 product
       *[other] { $count } products
    })
menu-my-orders = 📦 My orders
menu-my-recipients = 🏠 My recipients
menu-owner-orders = 🧾 Incoming orders (UMKM)
menu-owner-products = 🏷️ My products (UMKM)
menu-admin = 🛠️ Admin menu
menu-help = ❓ Help
menu-help-buyer =
    How to shop:
    1. Pick a product from the Depok UMKM catalogue.
    2. Choose the quantity and confirm the order.
    3. Enter the resident in self-isolation who receives the package.
    4. Send a photo of the payment proof.
    5. Post on social media with #ASNDepokPeduli #BeliProdukUMKMDepok and send the link.
    Each purchase report is forwarded to the Mayor's Office automatically.
menu-help-owner =
    For UMKM owners:
    • /pesanan — incoming orders: accept, reject, confirm payment, mark delivered
    • /terima (accept), /tolak (reject), /lunas (payment received), /antar (delivered) + the order number, e.g. /terima ORD-20261122-00001
    • /produk — change prices, mark sold out/available, add a product
    • /pembayaran — the bank account, e-wallet and QRIS buyers pay to
    • /umkm — switch the UMKM you act for (if you have more than one)
menu-help-admin =
    For admins:
    • /admin — admin menu
    • /siaran — send a flyer to ASN or UMKM; /siaranjadwal — scheduled broadcasts
    • /statistik — purchase figures; /rekap (or /rekap kemarin, /rekap 20-11-2026) — daily recap
    • /gagal — reports that failed to send; /impor — import data (CSV)
    • /rekap bulan — monthly report; /tekspengingat — the reminder text for unit coordinators
menu-help-register = To register, type /start and share your phone number.
menu-help-commands = Commands: /menu (main menu), /cancel (cancel this step), /language (Bahasa Indonesia or English), /unsubscribe and /subscribe (stop or resume broadcast flyers).
menu-help-commands-buyer = Also: /search (find a product), /cart, /orders (my orders), /deletedata (delete saved recipients), /skip <order> (not posting about an order).
menu-language = Pilih bahasa / Choose a language:
menu-language-id = 🇮🇩 Bahasa Indonesia
menu-language-en = 🇬🇧 English
menu-language-set = The language is now English.
menu-cancelled = Step cancelled. Orders already placed are safe.
menu-cancelled-plain = Step cancelled.
menu-cancelled-cart-kept = Step cancelled. Your cart is kept.
menu-pong = The service is up. ✅

## Categories
category-kuliner = 🍱 Food
category-fashion = 👕 Fashion
category-kriya = 🏺 Crafts

## Browse
browse-category = Choose a product category:
browse-kecamatan = Category { $category }. Choose the UMKM's district (number of products in brackets), or see all:
browse-kecamatan-option = { $kecamatan } ({ $count })
browse-kecamatan-none =
    { $channel ->
        [numbered] There are no { $category } products in Kec. { $kecamatan } yet. Please type the number of a district from the list.
       *[other] There are no { $category } products in Kec. { $kecamatan } yet. Please choose a district from the buttons below.
    }
browse-kecamatan-sold-out = Sorry, the { $category } products in Kec. { $kecamatan } have just sold out. Please choose another district.
browse-category-empty = Sorry, no { $category } products are available right now. Please choose another category.
browse-all-kecamatan = 📍 All districts
browse-item-line = { $n }. { $name } — { $price }/{ $unit }
    🏪 { $umkm } · Kec. { $kecamatan }
browse-list =
    { $count ->
        [one] 1 product
       *[other] { $count } products
    } (page { $page }/{ $pages }):

    { $items }

    { $note }
browse-order-fair = ℹ️ Businesses that have received the fewest Rupiah this month come first, so income is spread fairly.
browse-order-price = ℹ️ Sorted from the lowest price.
browse-prev = ◀️ Previous
browse-next = Next ▶️
browse-sort-price = 💰 Sort by lowest price
browse-sort-fair = ⚖️ Fair-share order
browse-empty = No products are available for this choice yet.
browse-search-none = No product matches "{ $query }". Try other words.
browse-pick-product =
    { $channel ->
        [numbered] Please type the number of a product from the list (or its name).
       *[other] Please choose a product from the buttons below (or type its number).
    }
browse-product =
    { $name }
    💰 { $price } / { $unit }{ $hasDescription ->
        [no] {""}
       *[yes] {"\u000A"}{ $description }
    }

    🏪 { $umkm } ({ $category })
    📍 Kel. { $kelurahan }, Kec. { $kecamatan }
browse-buy = 🛒 Buy
browse-product-gone = Sorry, that product is not available right now.
browse-search-ask = Type the name of a product or business (for example: nasi box, keripik, batik):
browse-search-need-text = Please type the words to search for.
browse-search-too-short = The search is too short. Type at least 2 letters.
browse-search-too-long = The search is too long. Type at most 100 characters.

## Cart
cart-qty-ask = How many would you like? { $name }, { $price } per { $unit }. Choose or type a number 1–{ $max }.
cart-qty-need-number = Please type the quantity as a number (1–99).
cart-qty-not-number = The quantity must be a whole number, for example 2.
cart-qty-too-small = The quantity must be at least 1.
cart-qty-too-large = At most { $max } per product.
cart-added = ✅ { $qty } × { $name } added to the cart.
cart-added-capped = ℹ️ At most { $max } per product: the cart now has { $qty } × { $name }.
cart-switch-ask =
    Your cart holds products of { $current }. One order is for one business only.
    Start a new order with { $next }? (The current cart will be emptied.)
cart-switch-new = 🆕 Yes, start a new order
cart-switch-keep = ↩️ No, keep my cart
cart-line = • { $qty } × { $name } @ { $price } = { $subtotal }
cart-summary =
    🛒 Order summary
    Business: { $umkm } (Kec. { $kecamatan })

    { $items }

    Total: { $total }
cart-confirm = ✅ Confirm order
cart-more = ➕ Add products of this business
cart-edit = ✏️ Change quantity
cart-clear = 🗑️ Empty the cart
cart-empty = Your cart is empty.
cart-empty-now = The cart is now empty.
cart-sold-out-removed = ℹ️ { $names } { $count ->
        [one] is
       *[other] are
    } sold out and removed from the cart.
cart-items-gone = ℹ️ Products no longer available were removed from the cart.
cart-changed = ⚠️ A price or availability changed since the summary. Please check it again before confirming.
cart-own-umkm = Sorry, you cannot buy from your own business. Please choose a product of another business.
cart-cleared = The cart has been emptied.
cart-clear-ask = Empty the cart? ({ $count ->
        [one] 1 product
       *[other] { $count } products
    } will be removed.)
cart-clear-yes = 🗑️ Yes, empty it
cart-clear-no = ↩️ No
cart-now-empty = 🗑️ { $name } removed. The cart is now empty.
cart-edit-ask = Choose the product to change:
cart-edit-item = New quantity for { $name }? Choose or type a number 1–{ $max }, or remove it.
cart-remove = 🗑️ Remove from cart
cart-confirmed = ✅ Order { $id } created. Total { $total }.

## Recipient
recipient-start =
    Now enter the resident in self-isolation who will receive the package.
    🔒 Recipient data is used only for delivery and programme reporting.
recipient-start-reuse =
    Choose the recipient: someone you entered before, or a new one.
    🔒 Recipient data is used only for delivery and programme reporting.
recipient-new = ➕ New recipient
recipient-ask-name = Recipient's full name:
recipient-bad-name = The name must start with a letter, be 2–80 characters, and contain only letters, spaces, dots, commas or hyphens.
recipient-need-text = Please type your answer.
recipient-ask-phone = Recipient's mobile number (for example 0812 3456 7890):
recipient-bad-phone = Please type the recipient's Indonesian mobile number, starting with 08 or +62 8. Example: 0812 3456 7890.
recipient-ask-address = Recipient's full address (street, house number, RT/RW):
recipient-bad-address = The address is too short. Please give the street, house number and RT/RW.
recipient-address-too-long = The address is too long (at most 300 characters).
recipient-ask-kecamatan = Recipient's district (kecamatan):
recipient-ask-kelurahan = Sub-district (kelurahan) in Kec. { $kecamatan }:
recipient-ask-note = A note for the courier (for example a landmark), or skip:
recipient-skip-note = ⏭️ Skip
recipient-note-too-long = The note is too long (at most 300 characters).
recipient-repeat =
    ℹ️ { $count ->
        [one] One package was already ordered
       *[other] { $count } packages were already ordered
    } for this recipient in the last 7 days.
    To help reach more households, you may choose someone else.
recipient-pick-other = 👥 Choose another recipient
recipient-keep = ✅ Send to this recipient anyway
recipient-saved =
    ✅ Recipient of this order:
    👤 { $name }
    📱 { $phone }
    🏠 { $address }, Kel. { $kelurahan }, Kec. { $kecamatan }{ $note }
recipient-saved-note = 📝 { $note }
recipient-order-gone = That order can no longer be changed.

## Receipt
receipt-ask =
    Please pay { $total } to { $umkm } for order { $id }.
    Ask { $owner } ({ $phone }) for the account number or QRIS.
    Then send a photo of the payment proof (receipt or transfer screenshot) here. 📸
receipt-need-photo =
    { $channel ->
        [numbered] Please send a photo of the payment proof (not text): send a photo of the slip or a screenshot of the transfer in this chat.
       *[other] Please send a photo of the payment proof (not text). Tap 📎 and choose a photo.
    }
receipt-not-image = That file is not an image or PDF we can read. Please send a photo (JPG or PNG) or the PDF of the payment proof.
receipt-too-large = The photo is too large (at most 10 MB). Please send a smaller one.
receipt-duplicate = This proof was already used for another order. Please send the payment proof of this order.
receipt-change-recipient = ✏️ Change the recipient
receipt-cancel-order = ❌ Cancel the order
receipt-cancel-ask = Cancel order { $id } ({ $total }, { $umkm })? A cancelled order cannot be continued.
receipt-cancel-yes = ✅ Yes, cancel it
receipt-cancel-no = ↩️ No, go back
receipt-cancelled = Order { $id } is cancelled. You are welcome to shop again at any time. 🙏
receipt-order-closed = This order is no longer waiting for a payment proof.
receipt-pick-order = Which order is this payment proof for?
receipt-send-again = We can no longer fetch that photo. Please send the photo of the payment proof here again.
receipt-thanks = ✅ Payment proof for order { $id } ({ $total }) received. The business has been told and the report is on its way to the Mayor's Office.

## Social post
post-caption = Today I bought { $products } from { $umkm } (Kec. { $kecamatan }) for a resident in self-isolation. Support Depok's small businesses! #ASNDepokPeduli #BeliProdukUMKMDepok
post-copy-caption = { $channel ->
        [numbered] Copy this text for your social-media post:
       *[other] Copy this text for your social-media post (tap it to copy):
    }

    { $caption }
post-ask-link = After posting, send the link of your post here ({ $networks }). Posting is voluntary.
post-skip = ⏭️ I won't post
post-need-link = Please send the link of your post ({ $networks }), or choose "I won't post".
post-bad-link = We don't recognise that link. Send a post link from { $networks }, for example https://www.instagram.com/p/...
post-thanks = Thank you! Your { $network } link for order { $id } has been recorded and reported. 🙏
post-pick-order = Which order is this { $network } link for?
post-none-waiting = None of your orders is waiting for a post link.
post-skip-need-id = Type the number of the order you won't post about, e.g. /skip ORD-20261122-00001
post-skip-unknown = Order { $id } is not waiting for a post link from you. See /orders.
post-skipped = All right, no problem. Thank you for shopping at Depok's small businesses! 🙏

## My orders
orders-none = You have no orders yet.
orders-list =
    📦 Your orders (newest first):

    { $items }
orders-line =
    { $id } · { $date }
    { $umkm } · { $total }
    🧾 { $items }{ $recipient }
    Status: { $status }{ $report }
orders-recipient = 👤 { $name } (Kel. { $kelurahan })
orders-report-sent = {" "}· 📨 report sent
orders-report-pending = {" "}· ⏳ report queued
orders-resume = ▶️ Continue { $id }
order-status-draft = draft
order-status-confirmed = waiting for payment proof
order-status-needs-recipient = waiting for the recipient's details
order-pick-label = { $id } · { $umkm } · { $total }
order-status-paid = paid, waiting for the business
order-status-accepted = accepted by the business
order-status-rejected = rejected by the business
order-status-delivered = delivered
order-status-cancelled = cancelled

## My recipients
recipients-none = You have no saved recipients.
recipients-list =
    🏠 Saved recipients:
    { $items }
recipients-line = • { $name } — Kel. { $kelurahan }, Kec. { $kecamatan }
recipients-delete = 🗑️ Delete all recipient data
recipients-delete-ask = Delete all the recipients you saved? Existing orders are not affected.
recipients-delete-yes = ✅ Yes, delete
recipients-delete-no = ❌ Cancel
recipients-deleted = { $count ->
        [one] 1 recipient record
       *[other] { $count } recipient records
    } deleted.

## Report
report-title = 📋 Report of a purchase from a UMKM by a civil servant — { $orderId }
report-asn = Civil servant: { $name } (NIP { $nip })
report-opd = Agency (OPD): { $opd }
report-umkm = UMKM: { $umkm } — Kec. { $kecamatan }
report-items = Items bought:
report-item = • { $qty } × { $name } @ { $price } = { $subtotal }
report-total = Total: { $total }
report-recipient = Recipient (resident in self-isolation): { $name } — Kel. { $kelurahan }, Kec. { $kecamatan }
report-recipient-none = Recipient (resident in self-isolation): -
report-created = Time of purchase: { $time }
report-payment-confirmed = Payment: confirmed by the UMKM
report-payment-unconfirmed = Payment: not yet confirmed by the UMKM
report-post-link = Social media post: { $link }
report-post-none = Social media post: not sent yet
report-receipt-missing = (The photo of the receipt is not available.)
report-hashtags = #ASNDepokPeduli #BeliProdukUMKMDepok
report-followup = 🔗 Social media post for report { $orderId }: { $link }

## Reminder
reminder-text = 🔔 Reminder: thank you for buying from a Depok UMKM (order { $orderId }). If you wish, post about it on social media with this text:

    { $caption }

    Then send the link of your post here. Posting is voluntary.
reminder-send-link = 🔗 Send the link now
reminder-skip = ⏭️ I won't post
reminder-hint = Paste the link here at any time. If you won't post, type /skip { $orderId }

## Recap
recap-title = 📊 Daily recap of civil servants' purchases from UMKM — { $day }
recap-empty = No purchases were recorded on this day.
recap-summary = Purchases: { $purchases } · Civil servants taking part: { $asn } · Paid to UMKM: { $total }
recap-post-share = Purchases with a post link: { $withLink } of { $purchases } ({ $percent }%)
recap-by-opd = By agency (OPD):
recap-opd-line = • { $opd }: { $purchases ->
        [one] 1 purchase
       *[other] { $purchases } purchases
    }, { $asn ->
        [one] 1 civil servant
       *[other] { $asn } civil servants
    }, { $total }
recap-by-kecamatan = By kecamatan (where the UMKM is):
recap-kecamatan-line = • { $kecamatan }: { $purchases ->
        [one] 1 purchase
       *[other] { $purchases } purchases
    }, { $total }
recap-top-umkm = Top five UMKM by value:
recap-top-line = { $rank }. { $name } (Kec. { $kecamatan }): { $purchases ->
        [one] 1 purchase
       *[other] { $purchases } purchases
    }, { $total }
recap-csv-caption = Details of the purchase reports of { $day } (CSV)

## WhatsApp
wa-error = Sorry, we could not process your message because something went wrong. Please try again in a moment, or type /menu to go back to the main menu.

## UMKM owner: orders, products, notifications
ua-switch = 🔁 Switch UMKM (now: { $umkm })
ua-only-one = You manage one UMKM: { $umkm }.
ua-choose = Your number owns { $count } UMKM. Choose the UMKM you want to manage now:
ua-now-acting = You are now managing { $umkm }. ✅
uo-owners-only =
    { $channel ->
        [numbered] Sorry, that option is for UMKM owners only.
       *[other] Sorry, that button is for UMKM owners only.
    }
uo-not-your-order = Sorry, that order is not for your UMKM. Nothing was changed.
uo-order-not-found = Sorry, order { $id } was not found. Please check the number.
uo-need-id = Type the order number too, for example: /{ $command } ORD-20261122-00001
uo-refused-already-accepted = You already accepted order { $id }. Nothing was changed.
uo-refused-accept-first =
    { $channel ->
        [numbered] Order { $id } is not accepted yet. Please choose "Accept order" before marking it delivered.
       *[other] Order { $id } is not accepted yet. Please press "Accept order" before marking it delivered.
    }
uo-refused-already-delivered = Order { $id } is already marked delivered. Nothing was changed.
uo-refused-already-paid = The payment of order { $id } was already confirmed. Nothing was changed.
uo-refused-accept = Order { $id } cannot be accepted because its status is now: { $status }.
uo-refused-reject = Order { $id } cannot be rejected because its status is now: { $status }.
uo-refused-deliver = Order { $id } cannot be marked delivered because its status is now: { $status }.
uo-refused-payment = The payment of order { $id } cannot be confirmed because its status is now: { $status }.
uo-done-accepted =
    { $channel ->
        [numbered] ✅ Order { $id } accepted. We told the civil servant who ordered it. When the package has arrived, choose "Delivered".
       *[other] ✅ Order { $id } accepted. We told the civil servant who ordered it. When the package has arrived, press "Delivered".
    }
uo-done-delivered = 🚚 Order { $id } marked delivered. Thank you! We told the civil servant who ordered it.
uo-done-delivered-unpaid =
    { $channel ->
        [numbered] 🚚 Order { $id } marked delivered. Thank you! We told the civil servant who ordered it. Once you have received the money, choose "Payment received".
       *[other] 🚚 Order { $id } marked delivered. Thank you! We told the civil servant who ordered it. Once you have received the money, press "Payment received".
    }
uo-done-rejected = Order { $id } rejected. We told the civil servant who ordered it, with your reason. Please return the money they already paid.
uo-done-payment = 💰 Payment of order { $id } confirmed. Thank you! The report to the Mayor's Office records it.
uo-btn-accept = ✅ Accept order
uo-btn-reject = ❌ Reject order
uo-btn-payment = 💰 Payment received
uo-btn-delivered = 🚚 Delivered
uo-deliver-ask = Has order { $id } reached { $name } (Kel. { $kelurahan })? We will tell the civil servant who ordered it.
uo-deliver-ask-plain = Has order { $id } been delivered? We will tell the civil servant who ordered it.
uo-deliver-yes = ✅ Yes, delivered
uo-status-delivered-unconfirmed = delivered, payment not confirmed
uo-week = 📊 Last 7 days
uo-list-none = There are no open orders for { $umkm }.
uo-list =
    🧾 Open orders of { $umkm } ({ $count }, newest first):

    { $items }

    Choose an order to see its details and respond.
uo-list-line =
    { $channel ->
        [numbered] { $n }. { $id } · { $date }
       *[other] { $id } · { $date }
    }
    { $items } · { $total }
    Deliver to Kel. { $kelurahan } · Status: { $status }
uo-order =
    🏪 { $umkm }
    { $details }
uo-order-again = Order { $id } (status: { $status }). Choose an action below:
uo-detail-head = 🧾 Order { $id } ({ $date })
uo-detail-asn = Ordered by: { $name } ({ $opd })
uo-detail-item = • { $qty } × { $name } @ { $price } = { $subtotal }
uo-detail-total = Total: { $total }
uo-detail-recipient =
    🚚 Deliver to (resident in self-isolation):
    👤 { $name }
    📞 { $phone }
    🏠 { $address }
    📍 Kel. { $kelurahan }, Kec. { $kecamatan }
uo-detail-recipient-none = 🚚 The recipient is not filled in yet.
uo-detail-note = 📝 Note: { $note }
uo-detail-status = Status: { $status }
uo-detail-reason = Reason for rejection: { $reason }
uo-detail-payment-confirmed = Payment: confirmed by you ✅
uo-detail-payment-unconfirmed = Payment: not confirmed yet. Check the receipt photo and your account.
uo-reject-ask = Why is order { $id } rejected? Choose a reason, or type your own:
uo-reason-sold-out = Sold out
uo-reason-area = Cannot deliver to that area
uo-reason-other = Other reason
uo-reason-other-type = ✏️ Other reason (type it)
uo-reject-type = Type the reason for rejecting ({ $min }–{ $max } characters). We will pass it on to the civil servant who ordered.
uo-reject-need-text = Please type the reason for rejecting ({ $min }–{ $max } characters).
uo-reject-bad-reason = The reason must be words, { $min }–{ $max } characters.
uo-reject-confirm =
    Reject order { $id } with the reason: “{ $reason }”?
    We will tell the civil servant who ordered it, and you will need to return the money already paid.
uo-reject-yes = ✅ Yes, reject
uo-week-summary =
    📊 Sales of { $umkm } through the program, last 7 days ({ $from } to { $to } WIB):
    Orders: { $count } · Value: { $rupiah }

    Best sellers:
    { $top }
uo-week-none = No sales of { $umkm } through the program in the last 7 days ({ $from } to { $to } WIB).
uo-week-top-line = { $rank }. { $name }: { $qty } sold, { $rupiah }
up-available = ✅ available
up-sold-out = ⛔ sold out
up-list =
    🏷️ Products of { $umkm } ({ $count ->
        [one] 1 product
       *[other] { $count } products
    }, page { $page }/{ $pages }):

    { $items }

    Choose a product to change its price or availability.
up-list-none = { $umkm } has no products yet. Add your first product.
up-list-line = { $n }. { $name } — { $price }/{ $unit } · { $status }
up-add = ➕ Add a product
up-not-yours = Sorry, that product is not one of your UMKM's.
up-product =
    { $name }
    💰 { $price } / { $unit }
    Status: { $status }
up-product-described =
    { $name }
    💰 { $price } / { $unit }
    Status: { $status }
    { $description }
up-change-price = 💰 Change price
up-mark-sold-out = ⛔ Mark sold out
up-mark-available = ✅ Mark available
up-change-photo = 🖼️ Change photo
up-add-photo-button = 🖼️ Add photo
up-photo-ask = Send the new photo for { $name } (JPG or PNG):
up-photo-need-new =
    { $channel ->
        [numbered] Please send the photo (JPG or PNG), or choose "Back".
       *[other] Please send the photo (JPG or PNG), or press "Back".
    }
up-photo-changed = The photo of { $name } was changed and is shown in the catalogue. ✅
up-now-sold-out = { $name } is marked sold out and no longer shown in the catalogue.
up-now-available = { $name } is available again and shown in the catalogue. ✅
up-price-ask = The price of { $name } is now { $price }/{ $unit }. Type the new price in Rupiah (for example 25000, 25.000 or 25rb):
up-price-need-text = Please type the price in digits, for example 25.000.
up-price-not-number = The price must be a number in Rupiah, for example 25000, 25.000, Rp 25.000 or 25rb.
up-price-positive = The price must be more than Rp 0.
up-price-whole = The price must be whole Rupiah without a decimal comma, for example 25.000.
up-price-too-large = That price is too high (at most Rp 100.000.000). Please check it.
up-price-too-low = That price is too low (at least { $min }). Did you mean { $meant }? Type { $digits } or { $short }.
up-price-changed = The price of { $name } changed from { $old } to { $price }. ✅
up-price-same = The price of { $name } is already { $price }; nothing was changed.
up-add-name = Name of the new product ({ $min }–{ $max } characters, for example: Grilled Chicken Rice Box):
up-name-need-text = Please type the product name ({ $min }–{ $max } characters).
up-name-too-short = The product name is too short (at least { $min } characters).
up-name-too-long = The product name is too long (at most { $max } characters).
up-name-no-letter = The product name must contain letters.
up-add-price = Price of { $name } in Rupiah (for example 25000, 25.000 or 25rb):
up-add-unit = Selling unit (1–{ $max } characters, for example: box, portion, 250 g pack):
up-unit-need-text = Please type the selling unit (1–{ $max } characters).
up-unit-empty = The unit must not be empty.
up-unit-too-long = The unit is too long (at most { $max } characters).
up-unit-no-letter = The unit must contain letters, for example: box.
up-add-photo = Send a photo of the product (JPG or PNG), or skip:
up-skip-photo = ⏭️ No photo
up-photo-need = Please send a photo of the product, or choose "No photo".
up-photo-not-image = We cannot read that file as an image. Please send a photo (JPG or PNG).
up-photo-too-large = The photo is too large (at most 10 MB). Please send a smaller one.
up-added = New product added: { $name }, { $price }/{ $unit }. It is in the catalogue now. ✅
ar-asn-only =
    { $channel ->
        [numbered] Sorry, that option is for the civil servant who ordered.
       *[other] Sorry, that button is for the civil servant who ordered.
    }
ar-not-yours = Sorry, that order is not among your orders.
ar-not-rejected = Order { $id } is not rejected, so there is nothing to replace.
ar-already-replaced = Order { $id } was already replaced by order { $newId }, so it cannot be replaced again. See 📦 My orders.
ar-need-id = Type the number of the rejected order, for example: /retry ORD-20261122-00001
ar-pick-other = Please choose another product or UMKM. The next package can go straight to { $name } (the recipient of order { $id }) without typing the details again.
ar-recipient-offer =
    Send to the recipient of rejected order { $id }: { $name } (Kel. { $kelurahan })?
    { $channel ->
        [numbered] Type 1 for this recipient, or choose another recipient.
       *[other] Press the first button, or choose another recipient.
    }
un-owner-new =
    🔔 New order for { $umkm }!
    { $details }

    📸 The photo above is the payment receipt from the civil servant. Please check that the money has arrived, then accept or reject this order.
un-owner-hint = Reply /terima { $id } to accept or /tolak { $id } to reject. All orders: /pesanan.
un-owner-reminder = ⏰ Reminder: order { $id } ({ $items }, { $total }) for { $umkm } has had no answer for more than { $minutes } minutes. Please accept or reject it.
un-admin-overdue =
    ⚠️ Order { $id } ({ $total }) was not accepted by the UMKM within { $minutes } minutes.
    UMKM: { $umkm } (Kec. { $kecamatan }), owner { $owner } { $ownerPhone }
    Ordered by: { $asn } ({ $opd })
    Please help contact the UMKM.
un-asn-accepted = ✅ Order { $id } was accepted by { $umkm } and is being prepared.
un-asn-delivered = 🚚 Order { $id } from { $umkm } was delivered to { $name } (Kel. { $kelurahan }). Thank you for caring! 🙏
un-asn-payment-confirmed = 💰 { $umkm } confirmed that the payment of order { $id } ({ $total }) arrived.
un-asn-overdue = ⏳ Order { $id } has no answer from { $umkm } yet, { $minutes } minutes on. We are reminding the UMKM and telling the admins of the Cooperative and SME Office. You can wait or cancel the order.
un-asn-rejected =
    Sorry, order { $id } was rejected by { $umkm }.
    Reason: { $reason }
    { $umkm } will return the money you paid; if it has not arrived, please contact { $owner } ({ $ownerPhone }).
    You can choose another product or UMKM; the recipient's details need not be typed again.
un-asn-retry = 🛍️ Choose another product/UMKM
un-asn-retry-hint = Type /retry { $id } to choose another product or UMKM.

## Broadcast (flyers, progress, opt-out)
bc-optout = ℹ️ Don't want messages like this? Send /unsubscribe.
bc-flyer =
    { $text }

    { bc-optout }
bc-flyer-photo-only = { bc-optout }
bc-optout-done = All right, you will no longer receive broadcast flyers. Order messages still come. Send /subscribe to receive flyers again.
bc-optin-done = Thank you, you will receive broadcast flyers again. Send /unsubscribe at any time to stop them.
bc-progress =
    📣 Broadcast { $id } is being sent…
    Sent: { $sent } · Failed: { $failed } · Unreachable: { $unreachable }
    Left: { $left } of { $total } · Estimated time: { $eta }
bc-progress-done = ✅ Broadcast { $id } finished: { $sent } of { $total } sent. The summary follows.
bc-progress-cancelled = ⏹️ Broadcast { $id } stopped: { $sent } of { $total } sent. The summary follows.
bc-eta-seconds = about { $n ->
        [one] 1 second
       *[other] { $n } seconds
    }
bc-eta-minutes = about { $n ->
        [one] 1 minute
       *[other] { $n } minutes
    }
bc-stop = ⏹️ Stop broadcast
bc-summary-done = ✅ Broadcast { $id } finished.
bc-summary-cancelled = ⏹️ Broadcast { $id } stopped.
bc-summary-counts =
    Recipients: { $total }
    Sent: { $sent }
    Failed: { $failed }
    Unreachable (blocked the bot): { $unreachable }
    Skipped (opted out): { $skipped }
    Not sent because stopped: { $cancelled }

## Admin
admin-title = 🛠️ Admin menu. Please choose:
admin-menu-broadcast = 📣 Send a broadcast (flyer)
admin-menu-scheduled = 🕒 Scheduled broadcasts
admin-menu-stats = 📊 Statistics
admin-menu-recap = 🗓️ Daily recap
admin-menu-failed = ⚠️ Reports not delivered
admin-menu-import = 📥 Import data (CSV)
admin-back = ⬅️ Admin menu
admin-unavailable = Sorry, this feature is not available right now. Please try again later.
admin-bc-compose = Please send the flyer: a photo with a caption, or text only. At most { $max } characters; the line on how to stop flyers is added automatically.
admin-bc-need-content = Please send the flyer photo with its caption, or the message text (at most { $max } characters).
admin-bc-too-long = The text has { $length } characters; at most { $max }. Please shorten it and send it again.
admin-bc-photo-too-large = The photo is too large (at most 10 MB). Please send a smaller one.
admin-bc-not-image = That file is not an image we can read. Please send a photo (JPG/PNG).
admin-bc-audience = Who should receive this broadcast?
admin-bc-aud-asn-all = All ASN
admin-bc-aud-asn-opd-pick = ASN of chosen government offices (OPD)
admin-bc-aud-umkm-all = All UMKM owners
admin-bc-aud-umkm-kec-pick = UMKM owners in a kecamatan
admin-bc-aud-umkm-cat-pick = UMKM owners of a category
admin-bc-aud-asn-opd = ASN of: { $opds }
admin-bc-aud-umkm-kec = UMKM owners in Kecamatan { $kecamatan }
admin-bc-aud-umkm-cat = UMKM owners, category { $category }
admin-bc-opd-ask =
    { $channel ->
        [numbered] Choose one or more offices (OPD), typing their numbers one at a time, then choose "Done" (page { $page }/{ $pages }):
       *[other] Choose one or more offices (OPD), then press "Done" (page { $page }/{ $pages }):
    }
admin-bc-prev = ◀️ Previous
admin-bc-next = Next ▶️
admin-bc-opd-done = ✔️ Done ({ $count } chosen)
admin-bc-opd-none = Please choose at least one office first.
admin-bc-kec-ask = Choose the kecamatan of the UMKM:
admin-bc-cat-ask = Choose the UMKM category:
admin-bc-preview-title = 👀 Preview — this is how recipients will see the flyer:
admin-bc-preview =
    Recipients: { $audience }
    It will go to { $count ->
        [one] 1 chat account
       *[other] { $count } chat accounts
    } (Telegram { $telegram }, WhatsApp { $whatsapp }{ $console ->
        [0] {""}
       *[other] , demo people in this terminal { $console }
    }).
    Left out: { $optedOut } opted out, { $unreachable } blocked the bot.
admin-bc-nobody =
    No chat account can receive a broadcast for: { $audience }.
    ({ $optedOut } opted out, { $unreachable } blocked the bot.) Please choose other recipients.
admin-bc-send-now = ✅ Send now
admin-bc-schedule = 🕒 Schedule
admin-bc-change-audience = 👥 Change recipients
admin-bc-cancel = ❌ Cancel
admin-bc-cancelled = Broadcast cancelled, nothing was sent.
admin-bc-draft-lost = Sorry, the broadcast draft is no longer complete. Please send the flyer again.
admin-bc-schedule-ask = When should it be sent? Type a WIB time, e.g. 14:30 (today or tomorrow), tomorrow 08:00, or 01/12/2026 07:30. It is now { $now }.
admin-bc-time-format = That time is not in a format we read. Examples: 14:30, tomorrow 08:00, or 01/12/2026 07:30.
admin-bc-time-past = That time has passed. Please type a time in the future.
admin-bc-time-too-soon = That time is too close (it is now { $now }). Please type a time at least 1 minute ahead, or go back and choose ✅ Send now.
admin-bc-time-too-far = That time is too far ahead. Broadcasts can be scheduled up to 30 days ahead.
admin-bc-schedule-confirm = Send the broadcast { $when ->
        [today] today,
        [tomorrow] tomorrow,
       *[other] on
    } { $at }?
admin-bc-schedule-yes = ✅ Yes, schedule it
admin-bc-queued = 📣 Broadcast { $id } is starting. Its progress will appear here.
admin-bc-scheduled = 🕒 Broadcast { $id } is scheduled { $when ->
        [today] today,
        [tomorrow] tomorrow,
       *[other] for
    } { $at }. To see or cancel it: /siaranjadwal.
admin-bc-already = Broadcast { $id } was already recorded; it will not be sent twice.
admin-bc-stopping = ⏹️ Broadcast { $id } is stopping. The summary follows shortly.
admin-bc-stopped-before-start = ⏹️ Scheduled broadcast { $id } cancelled before sending.
admin-bc-stop-already = We already have the request to stop broadcast { $id }.
admin-bc-stop-too-late = Broadcast { $id } has already finished.
admin-bc-stop-was-cancelled = Broadcast { $id } was already cancelled.
admin-bc-stop-not-found = Broadcast { $id } was not found. A broadcast number looks like BC-20261122-a1b2c3; see /siaranjadwal for broadcasts scheduled or being sent.
admin-bcl-empty = No broadcast is scheduled or being sent.
admin-bcl-list =
    📋 Broadcasts scheduled or being sent ({ $count }):

    { $lines }
admin-bcl-line-scheduled =
    { $n }. 🕒 { $at } · { $id }
    Recipients: { $audience } (currently { $count ->
        [one] 1 chat
       *[other] { $count } chats
    })
    { $preview }
admin-bcl-line-running =
    { $n }. ▶️ Being sent · { $id }
    Recipients: { $audience } · sent { $sent } of { $total }
    { $preview }
admin-bcl-preview-text = 💬 “{ $text }”
admin-bcl-preview-photo = 🖼️ Photo with text: “{ $text }”
admin-bcl-preview-photo-only = 🖼️ Photo without text
admin-bcl-more = …and { $count } more.
admin-bcl-cancel-hint =
    { $channel ->
        [numbered] Choose a broadcast marked ❌ (type its number) to cancel a scheduled broadcast.
       *[other] Press a ❌ button to cancel a scheduled broadcast.
    }
admin-bcl-cancel = ❌ Cancel no. { $n } ({ $at })
admin-bcl-confirm =
    Cancel broadcast { $id }?
    Scheduled: { $at }
    Recipients: { $audience }
    { $preview }
    Once cancelled, it will not be sent.
admin-bcl-yes = ✅ Yes, cancel it
admin-bcl-gone = That broadcast is no longer scheduled (it has started, finished or been cancelled).
admin-bcl-started-meanwhile = ⏹️ Broadcast { $id } started just now, so we are stopping it. Some recipients may already have it; the summary follows shortly.
admin-recap-bad-date = That date does not work. Send /rekap for today, /rekap kemarin for yesterday, or a past date such as /rekap 20-11-2026.
admin-stats-title = 📊 Purchases of UMKM products by ASN (WIB)
admin-stats-period = { $label }: { $purchases ->
        [one] 1 purchase
       *[other] { $purchases } purchases
    } · { $total }
admin-stats-today = Today ({ $day })
admin-stats-week = This week (since { $day })
admin-stats-month = This month (since { $day })
admin-stats-by-opd = By government office (OPD), this month:
admin-stats-opd-line = • { $opd }: { $purchases ->
        [one] 1 purchase
       *[other] { $purchases } purchases
    }, { $total } · { $buyers } of { $asn } ASN bought ({ $percent }%)
admin-stats-chart-title = Purchases by government office — { $month }
admin-stats-chart-caption = 📊 Purchases by government office, { $month } (percentage: ASN who bought).
admin-failed-none = ✅ No report failed to be delivered.
admin-failed-list =
    ⚠️ { $count ->
        [one] 1 report
       *[other] { $count } reports
    } not delivered:
    { $lines }
admin-failed-line = • { $id } ({ $kind }), tried { $attempts }×, { $time }: { $reason }
admin-failed-retry = 🔁 Retry { $id }
admin-failed-retry-all = 🔁 Retry all
admin-failed-retried = Report { $id } is being sent again.
admin-failed-retried-all = { $count ->
        [one] 1 report is
       *[other] { $count } reports are
    } being sent again.
admin-failed-not-failed = Report { $id } is no longer failed.
admin-import-help =
    📥 Import data from CSV (UTF-8, with a header row, at most { $max }).
    Send the file as a document with one of these captions:
    • roster — nip,name,phone,opd,role
    • umkm — id,name,owner_name,owner_phone,category,kecamatan,kelurahan,address
    • products — sku,umkm_id,name,price,unit,description,photo,available
    Every row is checked first; if any row is wrong, nothing is saved.
admin-import-need-file = Please send the CSV file as a document.
admin-import-not-csv = That file is not a text CSV (UTF-8). Please send a .csv file.
admin-import-too-large = The file is too large (at most { $max }).
admin-import-fetch-failed = Sorry, we could not download the file. Please send it again.
admin-import-which = What does this file contain?
admin-import-kind-roster = 👥 ASN/admin roster
admin-import-kind-umkm = 🏪 UMKM
admin-import-kind-products = 🏷️ Products
admin-import-cancel = ❌ Cancel
admin-import-cancelled = Import cancelled, nothing was saved.
admin-import-expired = The file has expired. Please send it again.
admin-import-done = ✅ Import of { $kind } done: { $added } added, { $updated } updated, { $unchanged } unchanged.
admin-import-busy = Another import is running. Nothing was changed; please send this file again when it has finished (an import that was stopped gives up its turn within { $seconds } seconds).
admin-import-refused =
    ❌ Import of { $kind } refused: { $count ->
        [one] 1 problem
       *[other] { $count } problems
    }, nothing was saved.
    { $lines }
admin-import-more = …and { $count } more
admin-import-next = Send another CSV file if needed.
admin-import-kind-name-roster = ASN roster
admin-import-kind-name-umkm = UMKM
admin-import-kind-name-products = products
imp-err-line = { $where }: { $reason }
imp-err-at-column = line { $line }: { $column }
imp-err-at-header = line { $line }: header
imp-err-at-file = line { $line }: file
imp-err-at-row = line { $line }: row
imp-err-at-csv = line { $line }: csv
imp-err-empty = (empty)
imp-err-required = is required
imp-err-max-chars = must be at most { $max } characters
imp-err-min-chars = must be at least { $min } characters
imp-err-id = must be 1-32 letters, digits, - or _
imp-err-letter-or-digit = must contain a letter or digit
imp-err-phone = is not a valid phone number
imp-err-duplicate = same as line { $line }
imp-err-nip-digits = must contain digits only
imp-err-nip-length = must be 18 digits, got { $got }
imp-err-nip-birth-date = birth date { $value } is not a real date
imp-err-nip-birth-year = birth date { $value } must have a year from { $from } to { $to }
imp-err-nip-appointment-month = appointment { $value } is not a real month
imp-err-nip-appointment-year = appointment { $value } must have a year from { $from } to { $to }
imp-err-nip-gender = gender { $value } must be 1 or 2
imp-err-role = must be asn, admin or koordinator
imp-err-phone-taken = already used by NIP { $nip } in the roster
imp-err-category = must be kuliner, fashion or kriya
imp-err-kecamatan = { $value } is not a kecamatan of Depok
imp-err-kelurahan = { $value } is not a kelurahan of { $kecamatan }
imp-err-price-format = { $value } must be whole Rupiah, digits only or with dots like 25.000
imp-err-price-range = { $value } must be from 1 to { $max }
imp-err-available = { $value } must be ya, tidak, true, false, yes, no, 1 or 0
imp-err-photo = must be empty, an https URL, or a relative .jpg/.png/.webp path
imp-err-umkm-missing = UMKM { $id } does not exist (import umkm first)
imp-err-missing-column = missing column { $column }
imp-err-empty-column = unknown column #{ $n } (empty)
imp-err-unknown-column = unknown column { $column }
imp-err-column-twice = column { $column } appears twice
imp-err-file-empty = the file is empty
imp-err-no-rows = no data rows after the header
imp-err-field-count = has { $got } fields, expected { $expected }

## Telegram command menu
cmd-start = Start / register
cmd-menu = Main menu
cmd-cari = Search UMKM products
cmd-keranjang = View the cart
cmd-riwayat = My orders
cmd-batal = Cancel this step
cmd-bahasa = Change language
cmd-bantuan = Help
cmd-hapusdata = Delete my recipient data

## Operations: flood control
flood-notice = Sorry, your messages are coming in too fast. 🙏 Please wait a moment, then send them again one at a time.

## Broadcast: stop by typing (WhatsApp)
bc-stop-hint = To stop it, send /hentikan { $id }
admin-bc-stop-need-id = Send /hentikan followed by the broadcast number, e.g. /hentikan BC-20261122-a1b2c3.

## Report payment follow-up
report-payment-followup = ✅ The UMKM confirmed the payment for report { $orderId }.
report-rejected-followup = ❌ Order { $orderId } was REJECTED by the UMKM, so it no longer counts as a purchase. Reason: { $reason }

## Report in the terminal demo
report-console-title = 📨 [Demo] Report for the Mayor's Office (no report destination is configured):

## payment (issue 12)
menu-owner-payment = 💳 My payment details
pay-not-available = ⚠️ Payment not available yet: this UMKM has not given a bank account, e-wallet or QRIS, so it cannot be ordered from yet.
pay-admin-missing = ⚠️ { $count } UMKM have no payment details (listed in the catalogue but cannot be ordered from): { $ids }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    }.
pay-ask =
    Please pay { $total } to { $umkm } for order { $id }.

    💳 How to pay:
    { $details }{ $copyHint ->
        [yes] {"\u000A"}(Tap a number to copy it.)
       *[no] {""}
    }

    After paying, send a photo of the payment proof (receipt or screenshot) here. 📸
pay-ask-again =
    Please pay { $total } to { $umkm } for order { $id }:
    { $details }
pay-line-bank = 🏦 { $bank } transfer: { $number } in the name of { $holder }
pay-line-ewallet = 📱 { $provider }: { $number }
pay-line-qris = 🔳 QRIS of { $merchant }
pay-qris-caption = QRIS of { $umkm }. Check that your app shows the payee as: { $merchant }.
pay-changed-recently = ⚠️ This UMKM changed its payment details recently ({ $when }). Check the payee's name in your app before paying; if in doubt, ask { $owner } ({ $phone }).
pay-method-ask = Thank you. How did you pay for order { $id }?
pay-method-bank = 🏦 Bank transfer
pay-method-ewallet = 📱 E-wallet
pay-method-qris = 🔳 QRIS
pay-method-choose = Please choose how you paid first; we have kept the photo you sent.
pay-method-name-bank = bank transfer
pay-method-name-ewallet = e-wallet
pay-method-name-qris = QRIS
report-paid-with = Paid by: { $method }
pay-own-none = 💳 { $umkm } has no payment details yet, so its products cannot be ordered. Add a bank account, e-wallet or QRIS:
pay-own-view =
    💳 Payment details of { $umkm }:
    { $details }
pay-own-add-bank = 🏦 Add a bank account
pay-own-change-bank = 🏦 Change bank account
pay-own-add-ewallet = 📱 Add an e-wallet
pay-own-change-ewallet = 📱 Change e-wallet
pay-own-add-qris = 🔳 Add a QRIS
pay-own-change-qris = 🔳 Replace QRIS
pay-own-remove = 🗑️ Remove one
pay-own-need-text = Please type the answer as text.
pay-own-bank-ask = Type the name of your bank (e.g. BCA, BRI, Mandiri, BSI):
pay-own-bank-unknown = We do not know that bank. Did you mean: { $nearest }?
pay-own-number-ask = Type the { $bank } account number (digits only, 6–20):
pay-own-number-bad = The account number must be digits only, 6–20 of them.
pay-own-holder-ask = Type the account holder's name exactly as the bank has it:
pay-own-holder-bad = The holder's name must contain letters, at most { $max } characters.
pay-own-ewallet-ask = Choose your e-wallet:
pay-own-ewallet-number-ask = Type the phone number of your { $provider } account (e.g. 0812 3456 7890):
pay-own-ewallet-number-bad = That is not a valid phone number. Example: 0812 3456 7890.
pay-own-qris-ask = Send a photo or image of your QRIS (the QR code from your bank or e-wallet, whole and sharp):
pay-own-qris-need-photo = Please send the QRIS image (a photo or a screenshot).
pay-qris-too-large = The image is too large (10 MB at most).
pay-qris-bad-not-image = That file is not an image we can read. Send a photo or screenshot of the QRIS.
pay-qris-bad-no-qr = We found no QR code in that image. Send a whole, sharp image of the QRIS.
pay-qris-bad-not-emv = That QR code is not a QRIS (it does not start with 000201). Send the QRIS from your bank or e-wallet.
pay-qris-bad-bad-tlv = That QR code does not read as a QRIS. Send the original QRIS from your bank or e-wallet.
pay-qris-bad-no-crc = That QRIS has no check code (tag 63), so it is not valid.
pay-qris-bad-bad-crc = That QRIS's check code is wrong: the code is damaged or altered. Send the original QRIS from your bank or e-wallet.
pay-qris-bad-no-merchant = That QRIS names no merchant, so buyers could not check it.
pay-own-keep-one = At least one way to pay must stay, so the last one cannot be removed.
pay-own-remove-ask = Which one should be removed?
pay-own-confirm =
    Please check your new payment details:
    { $details }

    Is this right? Orders already waiting for payment keep the details their buyers were shown.
pay-own-confirm-yes = ✅ Yes, save
pay-own-confirm-no = ❌ Cancel
pay-own-saved = ✅ Payment details saved.
pay-own-unchanged = Payment details not changed.
imp-err-pay-bank-required = is required with an account number
imp-err-pay-bank-unknown = bank { $value } is not known; nearest: { $nearest }
imp-err-pay-number-required = is required with a bank
imp-err-pay-number = must be digits only, 6–20 of them
imp-err-pay-holder-required = the account holder's name is required with an account
imp-err-pay-ewallet-format = must be an e-wallet and a phone number, e.g. GoPay 081234567890
imp-err-pay-ewallet-provider = { $value } is not a known e-wallet (GoPay, OVO, DANA, ShopeePay, LinkAja)
imp-err-pay-ewallet-number = the e-wallet number is not a valid phone number
imp-err-pay-qris-no-media = MEDIA_DIR is not set, the QRIS image cannot be read
imp-err-pay-qris-invalid = QRIS image refused: { $reason }
## coordinators (issue 16)
menu-coordinator = 🏢 My unit
menu-help-coordinator =
    For unit coordinators:
    • /unit — your unit's participation, who has not bought this month, and the weekly reminder
coord-title = 🏢 ASN participation — { $unit } ({ $asn } ASN)
coord-this-month = This month (since { $day }): { $buyers } of { $asn } ASN bought ({ $percent }%) · { $purchases ->
        [one] 1 purchase
       *[other] { $purchases } purchases
    } · { $total }
coord-last-month = Last month (since { $day }): { $buyers } of { $asn } ASN bought ({ $percent }%) · { $purchases ->
        [one] 1 purchase
       *[other] { $purchases } purchases
    } · { $total }
coord-weeks = By week (from Monday):
coord-week-line = • { $day }: { $buyers } ASN · { $purchases ->
        [one] 1 purchase
       *[other] { $purchases } purchases
    } · { $total }
coord-chart-title = UMKM purchases by week — { $unit }
coord-chart-subtitle = Rupiah spent and ASN who bought, last month and this month
coord-chart-caption = 📊 Purchases by week, { $unit }.
coord-names-button = 👥 Not bought yet ({ $count })
coord-nudge-button = 🔔 Send a reminder
coord-names =
    👥 ASN of { $unit } who have not bought this month ({ $count }):
    { $names }{ $more ->
        [0] {""}
       *[other] {"\u000A"}… and { $more } more
    }

    🔒 This list is for you as the unit's coordinator only, solely to invite colleagues to take part (Indonesia's personal data protection law, UU PDP). Please do not pass it on.
coord-names-none = 🎉 Every ASN of { $unit } has bought this month.
coord-nudge-no-text = The admins have not set a reminder text yet. A reminder can be sent once they have.
coord-nudge-done-week = Your unit was sent a reminder on { $at }. The next one can be sent from { $next }.
coord-nudge-week = A reminder can be sent once a week per unit. The next one can be sent from { $next }.
coord-nudge-nobody = Of the { $count } ASN who have not bought, none can be reached through the bot ({ $optedOut } opted out of info messages, { $unreachable } unreachable). No reminder was sent.
coord-nudge-preview-title = The reminder they will get (text set by the admins):
coord-nudge-confirm = It goes to { $reach } chats of the { $count } ASN who have not bought this month ({ $optedOut } opted out of info messages, { $unreachable } unreachable). A reminder can be sent once a week. Send it now?
coord-nudge-send = 🔔 Send the reminder
coord-nudge-sent = 🔔 Reminder { $id } is being sent to the ASN who have not bought ({ $count }). Its progress will show here.
coord-text-current =
    The reminder text now:
    { $text }

    To change it, type /tekspengingat followed by the new text (at most { $max } characters).
coord-text-none = No reminder text yet. Type /tekspengingat followed by the text (at most { $max } characters), for example: /tekspengingat Let's buy from Depok's UMKM this month for residents in isoman!
coord-text-too-long = The reminder text is too long ({ $length } characters, at most { $max }). The old text still applies.
coord-text-set =
    ✅ Reminder text approved. Unit coordinators will send this text:
    { $text }
admin-bc-aud-asn-nips = ASN of { $unit } who have not bought ({ $count })
imp-err-scope-not-koordinator = only a koordinator has a scope (leave scope_type and scope empty)
imp-err-scope-type-required = is required for a koordinator: opd, kecamatan or kelurahan
imp-err-scope-type = must be opd, kecamatan or kelurahan (not { $value })
imp-err-scope-required = is required for a koordinator
imp-err-scope-opd = { $value } is not an OPD on the roster
imp-err-kelurahan-ambiguous = { $value } is a kelurahan of { $kecamatan }: write kecamatan/kelurahan
imp-err-kec-kel = { $value } is not a kecamatan/kelurahan of Depok
imp-err-kelurahan-depok = { $value } is not a kelurahan of Depok

## where a UMKM comes from (issue 16)
imp-err-binaan = must be opd:<OPD>, kecamatan:<name> or koperasi:<name> (not { $value })
menu-binaan = 🤝 Fostered UMKM
binaan-title = 🤝 Fostered UMKM: choose where the UMKM come from.
binaan-my-opd = 🏛️ UMKM fostered by my OPD ({ $opd })
binaan-by-koperasi = 🤝 By cooperative
binaan-koperasi-pick = Choose a cooperative:
binaan-koperasi-none = No UMKM of a cooperative in the catalogue yet.
binaan-label-opd = fostered by { $name }
binaan-label-koperasi = members of { $name }
binaan-none = No UMKM { $label } in the catalogue yet.
binaan-list =
    🤝 UMKM { $label } ({ $count }):
    { $lines }

    Choose a UMKM to see its products.
recap-by-source = By where the UMKM comes from:
recap-source-line = • { $source ->
        [opd] Fostered by an OPD
        [kecamatan] Kecamatan UMKM community
        [koperasi] Cooperative members
       *[none] No fostering named
    }: { $purchases ->
        [one] 1 purchase
       *[other] { $purchases } purchases
    }, { $total }

## UMKM per kelurahan (issue 16)
admin-stats-kel-title = 🏘️ UMKM per kelurahan, this month (registered · sold · value):
admin-stats-kel-line = • { $kelurahan } ({ $kecamatan }): { $registered } UMKM · { $sold } sold · { $total }
admin-stats-kel-none = 🏘️ No UMKM registered in any kelurahan yet.
admin-stats-kel-csv = 📄 CSV per kelurahan
admin-stats-kel-csv-caption = 📄 UMKM per kelurahan and kecamatan, { $month } (CSV)

## monthly report to the mayor (issue 16)
monthly-title = 📅 Monthly report: ASN buying from UMKM — { $month }
monthly-summary = All ASN: { $buyers } of { $asn } bought ({ $percent }%, { $points } points from { $prev }) · { $purchases ->
        [one] 1 purchase
       *[other] { $purchases } purchases
    } · { $total } ({ $change })
monthly-by-opd = Ranking by OPD (share of ASN who bought):
monthly-by-kecamatan = Ranking by kecamatan (ASN of the kecamatan office and its kelurahan offices):
monthly-line = { $rank }. { $name }: { $buyers }/{ $asn } ASN ({ $percent }%, { $points } points) · { $purchases ->
        [one] 1 purchase
       *[other] { $purchases } purchases
    } · { $total } ({ $change })
monthly-by-kelurahan = UMKM per kelurahan (registered · sold that month · value):
monthly-chart-title = Rupiah per OPD, ranked by participation — { $month }
monthly-chart-caption = 📊 Monthly report chart, { $month }: Rupiah per OPD (percent: ASN who bought).
monthly-csv-caption = Monthly report details, { $month } (CSV)
admin-recap-bad-month = That month does not look right. Write it like /rekap bulan 2026-10, or just /rekap bulan for last month. The current and future months cannot be reported yet.

## recipients who are ASN (issue 16)
recipient-is-asn = 👤 This recipient is an ASN (enter NIP)
recipient-ask-nip = Type the recipient's NIP (18 digits). It is kept for the record only and never shown in a report.
recipient-nip-bad = That NIP does not look right: { $reason }. Please type it again, or go back.
recipient-asn-noted = ✅ The recipient's NIP is noted.
recap-recipient-kinds = Recipients: { $resident } residents, { $asn } ASN in isoman
## owners who have not linked, invitations, orders nobody accepts (issue 12)
cart-umkm-not-linked = ℹ️ This UMKM is not linked to the service yet; we will pass your order on as soon as its owner links.
receipt-thanks-unlinked = ✅ Payment proof for order { $id } ({ $total }) received. This UMKM is not linked to the service yet; we will pass your order on as soon as its owner links, and the report is on its way to the Mayor's Office.
uo-done-accepted-unlinked =
    { $channel ->
        [numbered] ✅ Order { $id } accepted. We cannot reach the civil servant who ordered it through this service right now; we will pass this on once they link again. When the package has arrived, choose "Delivered".
       *[other] ✅ Order { $id } accepted. We cannot reach the civil servant who ordered it through this service right now; we will pass this on once they link again. When the package has arrived, press "Delivered".
    }
uo-done-delivered-unlinked = 🚚 Order { $id } marked delivered. Thank you! We cannot reach the civil servant who ordered it through this service right now; we will pass this on once they link again.
uo-done-delivered-unpaid-unlinked =
    { $channel ->
        [numbered] 🚚 Order { $id } marked delivered. Thank you! We cannot reach the civil servant who ordered it through this service right now; we will pass this on once they link again. Once you have received the money, choose "Payment received".
       *[other] 🚚 Order { $id } marked delivered. Thank you! We cannot reach the civil servant who ordered it through this service right now; we will pass this on once they link again. Once you have received the money, press "Payment received".
    }
uo-done-rejected-unlinked = Order { $id } rejected. We cannot reach the civil servant who ordered it through this service right now; we will pass on your reason once they link again. Please return the money they already paid.
un-owner-wa-note = Good day, { $owner }. This is the Belanja UMKM service of the City of Depok (Cooperative and SME Office). An order from a civil servant for { $umkm } is waiting for you. Reply to this message (for example type "hello") to link your number and see the order. If you do not own { $umkm }, please ignore this message.
un-owner-cancelled = ❌ Order { $id } ({ $total }) for { $umkm } was cancelled by the civil servant who ordered it, because nobody answered it within { $minutes } minutes. Please return { $total } to { $asn } ({ $asnPhone }).
un-asn-overdue-unlinked = ⏳ Order { $id } has had no answer for { $minutes } minutes: { $umkm } is not linked to the service yet, so your order has not reached its owner. We told the admins of the Cooperative and SME Office. You can wait or cancel the order.
un-asn-overdue-wait = ⏳ Keep waiting
un-asn-overdue-cancel = ❌ Cancel the order
un-asn-overdue-hint = Type /tunggu { $id } to keep waiting, or /batalkan { $id } to cancel the order.
ov-waiting = All right, order { $id } keeps waiting for { $umkm }. We will let you know as soon as the UMKM answers. If you change your mind, type /batalkan { $id } while the order is not accepted.
ov-cancel-ask = Cancel order { $id } ({ $total }, { $umkm })? The money you paid is returned by the UMKM's owner, { $owner } ({ $ownerPhone }).
ov-cancel-yes = ✅ Yes, cancel
ov-cancel-no = ↩️ No, keep waiting
ov-cancelled = Order { $id } is cancelled. Your money ({ $total }) is returned by the owner of { $umkm }, { $owner } ({ $ownerPhone }); we are passing the cancellation on to them. The Mayor's Office is told too. If the money has not come back within 3 days, contact { $contact }.
ov-cancelled-unlinked = Order { $id } is cancelled. Your money ({ $total }) is returned by the owner of { $umkm }, { $owner } ({ $ownerPhone }). The owner is not linked to the service yet: please contact them directly; we will also pass the cancellation on once they link. The Mayor's Office is told too. If the money has not come back within 3 days, contact { $contact }.
ov-need-id = Please add the order number, for example /batalkan ORD-20261122-00001.
ov-not-yours = That order is not among your orders.
ov-not-open = Order { $id } is no longer waiting for the UMKM (status: { $status }), so there is nothing to change.
ov-not-overdue = Order { $id } is still within the { $minutes } minutes the UMKM has to answer. You can cancel once that time has passed.
report-cancelled-followup = ❌ Order { $orderId } ({ $umkm }) was CANCELLED by the civil servant because the UMKM did not answer in time, so it does not count as a purchase. The UMKM's owner returns the money to the civil servant.
invite-welcome =
    { $channel ->
        [numbered] Welcome, owner of { $umkm }! 👋 WhatsApp has not shown us your number yet. Please share your phone number in this chat, then send a message again. It must be the owner's number registered with the Cooperative and SME Office.
       *[other] Welcome, owner of { $umkm }! 👋 To link this account, press the "📱 Share my number" button at the bottom of the screen. It must be the owner's number registered with the Cooperative and SME Office.
    }
invite-unknown = We do not recognise this invitation link. Please ask { $contact } for a new invitation.
invite-expired = This invitation link has expired. Please ask { $contact } for a new invitation.
invite-used = This invitation link was already used. If you own the UMKM and are not linked yet, please ask { $contact } for a new invitation.
invite-not-yours = Sorry, this invitation is for the owner of { $umkm } and your number is not the registered owner's number, so nothing was linked. If the owner's number has changed, contact { $contact }.
invite-already-linked = This account is already linked as the owner of { $umkm }. ✅
admin-menu-umkm = 🏪 UMKM owners & invitations
au-title =
    🏪 UMKM owners: { $linked } linked, { $unlinked } not yet (of { $total }).
    { $kecamatan }
au-kecamatan-line = • Kec. { $kecamatan }: { $linked } linked, { $unlinked } not yet
au-overdue-title = ⏳ Orders not accepted by the UMKM after { $minutes } minutes:
au-overdue-line = • { $id } — { $umkm } ({ $total }), ordered { $at } WIB{ $linked }
au-overdue-unlinked-mark = , owner not linked
au-none-overdue = ✅ No order is late to be accepted.
au-unlinked-title = Not linked yet (those with waiting orders first):
au-umkm-line = • { $id } { $umkm } (Kec. { $kecamatan }){ $waiting }
au-waiting-mark = — { $count } waiting orders
au-pick-hint = Choose a UMKM to see its invitation, or type a UMKM id or name.
au-csv = 📄 CSV of all invitations
au-not-found = No UMKM "{ $query }" found. Type a UMKM id or part of its name.
au-invite =
    📨 Invitation for { $umkm } (Kec. { $kecamatan })
    Owner: { $owner } ({ $ownerPhone }){ $status }
    { $links }
    Valid until { $expires } WIB, single use. The invitation links only the registered owner's number.
au-invite-linked = , linked
au-invite-unlinked = , not linked yet
au-invite-telegram = Telegram: { $link }
au-invite-whatsapp = WhatsApp: { $link }
au-invite-no-links = No links yet: neither Telegram nor WhatsApp runs on this server.
au-back = ↩️ UMKM list
au-csv-done = 📄 Invitations of the { $count } UMKM not linked yet, for field staff.
au-card-title = Belanja UMKM Kota Depok invitation
au-card-telegram = Scan for Telegram
au-card-whatsapp = Scan for WhatsApp
## search (issue 15)
browse-search-emoji = We cannot search for that emoji yet. Type the product's name in letters, for example: keripik, rendang, batik.

## terminal demo personas (issue 15)
console-intro = Type /as to become another demo person: an ASN, a UMKM owner, an admin, or the mayor's office.
console-personas-title = In this terminal chat you can be one of these demo people, each with their own chat:
console-persona-asn = { $name } (ASN { $of })
console-persona-owner = { $name } (UMKM { $of })
console-persona-admin = { $name } (Admin { $of })
console-persona-mayor = Mayor's office (reads reports only)
console-personas-current = ← you now
console-personas-pick = Type its number (or /as <number>). This exists only in the terminal, not on Telegram or WhatsApp.
console-persona-unknown = No demo person "{ $query }". Type /as to see the list.
console-switched = You are now: { $who }.
console-waiting = 📬 { $count ->
    [one] 1 message is
   *[other] { $count } messages are
} waiting:
console-mayor-empty = No reports for the mayor's office yet.
console-last-screen = Your last screen:
console-message-for = ── message for { $who } ──
console-notice = notice
console-read-only = The mayor's office only reads reports here. Type /as to become someone else.

## answers that help (issue 15)
engine-ambiguous-choice =
    "{ $typed }" fits more than one choice:
    { $options }
    Pick one of them, or type more of its name.
cart-qty-price-ask = "{ $typed }" looks like a price. Did you mean { $qty } { $qty ->
    [one] item
   *[other] items
}?
cart-qty-price-yes = ✅ Yes, { $qty ->
    [one] 1 item
   *[other] { $qty } items
}
cart-qty-price-too-large = That looks like a price. Type how many you would like to buy (1–{ $max }), for example 2.
recipient-own-phone-ask = { $phone } is your own number. Are you the recipient?
recipient-own-phone-yes = ✅ Yes, I am the recipient
recipient-own-phone-no = ✏️ No, change the number
receipt-none-waiting = No order is waiting for a payment receipt, so we did not keep this photo. Your orders are under /orders.
## Reports sent again after a crash (issue 14)
report-resent-note = 🔁 SENT AGAIN — report { $reportId }: the previous send was cut off, so this may be a copy. This is not a new order.
chat-resent-note = 🔁 Sent again (order { $orderId }): the previous send was cut off, so you may have this message already. This is not a new order.
## hardening (issue 14)
receipt-too-many-pixels = The photo's resolution is too high (more than { $megapixels } megapixels). Please send a screenshot or an ordinary phone camera photo.
up-photo-too-many-pixels = The photo's resolution is too high (more than { $megapixels } megapixels). Please send a smaller photo.
admin-bc-photo-too-many-pixels = The photo's resolution is too high (more than { $megapixels } megapixels). Please send a smaller photo.
admin-import-encoding = We cannot read this file as CSV text. In Excel choose File > Save As > "CSV UTF-8 (Comma delimited) (*.csv)" and send that file.
imp-err-photo-missing = { $value } is not a file in the photo folder (MEDIA_DIR)
imp-err-photo-outside = { $value } leads outside the photo folder (MEDIA_DIR), so it is refused
imp-err-photo-url = must be an https address without a user name or password
imp-err-photo-private = { $value } is not a public internet address
imp-err-photo-download = could not be downloaded ({ $why })
imp-err-photo-not-image = is not an image
imp-err-photo-too-large = is larger than { $max } MB
imp-err-photo-pixels = is more than { $max } megapixels

## cooperative acting for its member UMKM (issue 16 item 3)
koperasi-register-found = 🤝 { $koperasi }, for its member: { $umkm } (Kec. { $kecamatan })
koperasi-choose = You handle the orders of { $count } UMKM (your own and your cooperative's members). Choose the UMKM whose orders you want to manage now:

## one-message recipient, the shorter WhatsApp purchase (issue 13 leftovers)
recipient-form-hint =
    ✍️ You can also send it all in one message, one item per line: name, mobile number, address, kelurahan, then a note (optional). Example:
    Ahmad Fauzi
    0812 3456 7890
    Jl. Melati No. 7, RT 03/RW 08
    Kel. Mekarjaya
    Green fence near the mosque
recipient-form-field-name = Name
recipient-form-field-phone = Mobile number
recipient-form-field-address = Address
recipient-form-field-kelurahan = Kelurahan
recipient-form-field-note = Note
recipient-form-kept = ✅ Noted: { $fields }.
recipient-form-problem = ⚠️ { $field }: { $reason }
recipient-form-kelurahan-unknown = We could not find "{ $typed }" among Depok's kelurahan.
recipient-form-kelurahan-ambiguous = "{ $typed }" is in more than one place: { $options }.
recipient-form-kelurahan-not-in = Kelurahan "{ $typed }" is not in Kec. { $kecamatan }.
post-caption-below = The text for your social-media post is in the next message: copy all of it.
menu-search-hint = 🔎 Or just type the name of the product you are looking for, for example: rendang.
register-search-kept = Once you answer "Yes, that's me", we will show the search results for "{ $query }".
au-umkm-line-numbered = { $n }. { $id } { $umkm } (Kec. { $kecamatan }){ $waiting }
receipt-pick-order-pdf = Which order is this payment proof (PDF) for?
