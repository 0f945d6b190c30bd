/**
 * The step names of every flow: what `goto('cart', 'summary')` and `defineFlow({ name: 'cart', ... })`
 * are checked against at compile time. A new flow or step is declared here first.
 */
declare module '../src/engine/flow.js' {
  interface FlowSteps {
    register: 'start' | 'confirm' | 'declined' | 'invite';
    'order-overdue': 'cancel';
    'admin-umkm': 'overview' | 'umkm';
    menu: 'main' | 'help' | 'language';
    browse: 'category' | 'kecamatan' | 'list' | 'product' | 'search';
    cart: 'quantity' | 'switch-umkm' | 'summary' | 'clear' | 'edit' | 'edit-item';
    recipient: 'start' | 'name' | 'phone' | 'own-phone' | 'address' | 'kecamatan' | 'kelurahan' | 'note' | 'repeat' | 'asn-nip';
    receipt: 'ask' | 'cancel' | 'pick';
    'social-post': 'ask' | 'pick';
    'my-orders': 'list';
    'my-recipients': 'list' | 'delete';
    'umkm-acting': 'choose';
    'umkm-orders': 'list' | 'order' | 'deliver' | 'reject' | 'reject-other' | 'reject-confirm' | 'week';
    'umkm-products': 'list' | 'product' | 'price' | 'photo' | 'add-name' | 'add-price' | 'add-unit' | 'add-photo';
    admin: 'main';
    'admin-broadcast': 'compose' | 'audience' | 'opd' | 'kecamatan' | 'category' | 'preview' | 'schedule' | 'confirm-schedule' | 'sent';
    'admin-broadcast-list': 'list' | 'confirm';
    'admin-reports': 'stats' | 'recap' | 'failed' | 'monthly';
    'admin-import': 'ask' | 'kind' | 'done';
    payment: 'method';
    'umkm-payment': 'view' | 'bank' | 'bank-number' | 'bank-holder' | 'ewallet' | 'ewallet-number' | 'qris' | 'remove' | 'confirm';
    coordinator: 'main' | 'names' | 'nudge' | 'nudge-sent';
    binaan: 'start' | 'koperasi' | 'list';
  }
}

export {};
