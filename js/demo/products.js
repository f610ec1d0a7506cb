// The demo store's products, shared with tests/e2e/js_parity.test.mjs.

/** Example products (not real models): name, price and the figures printed on the label. */
export const PRODUCTS = [
  { id: 'fridge-500', zh: '对开门冰箱 500 升', en: 'Side-by-side fridge, 500 L',
    input: { cat: 'fridge', grade: 1, price: 5999, new_kwh_24h: 0.55, volume_l: 500 } },
  { id: 'fridge-300', zh: '三门冰箱 300 升', en: 'Three-door fridge, 300 L',
    input: { cat: 'fridge', grade: 1, price: 3299, new_kwh_24h: 0.42, volume_l: 300 } },
  { id: 'fridge-200', zh: '双门冰箱 200 升', en: 'Two-door fridge, 200 L',
    input: { cat: 'fridge', grade: 2, price: 1599, new_kwh_24h: 0.6, volume_l: 200 } },
  { id: 'ac-35', zh: '1.5 匹变频挂机', en: '1.5 hp inverter wall unit',
    input: { cat: 'ac', grade: 1, price: 3199, new_apf: 5.3, capacity_w: 3500 } },
  { id: 'ac-72', zh: '3 匹变频柜机', en: '3 hp inverter floor unit',
    input: { cat: 'ac', grade: 1, price: 6999, new_apf: 5.0, capacity_w: 7200 } },
  { id: 'ac-26', zh: '1 匹变频挂机', en: '1 hp inverter wall unit',
    input: { cat: 'ac', grade: 2, price: 2199, new_apf: 4.6, capacity_w: 2600 } },
  { id: 'washer-10', zh: '10 公斤滚筒洗衣机', en: '10 kg front-loading washer',
    input: { cat: 'washer', grade: 1, price: 3499, new_kwh_cycle: 0.9, new_water_l_cycle: 65, capacity_kg: 10, washer_type: 'drum' } },
  { id: 'washer-8', zh: '8 公斤波轮洗衣机', en: '8 kg top-loading washer',
    input: { cat: 'washer', grade: 2, price: 1299, new_kwh_cycle: 0.25, new_water_l_cycle: 100, capacity_kg: 8, washer_type: 'impeller' } },
];
