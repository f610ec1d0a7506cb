// A retailer's product list with a savings-and-subsidy badge per product, computed in the browser
// by the huanxin-js package (web target, built into ../pkg by `bash scripts/test-js.sh build`).
import init, { compute, regions, dataVersion } from '../pkg/huanxin_js.js';
import { PRODUCTS } from './products.js';

const STRINGS = {
  zh: {
    title: '示例家电商城',
    lede: '每件商品旁的徽章由换新算 JS 包在浏览器里算出：每年省多少钱、以旧换新补贴和到手价。',
    region: '所在省份', oldYear: '旧机大约哪年买的', date: '购买日期',
    loading: '正在加载计算引擎…', ready: '', failed: '计算引擎加载失败：',
    note: '演示商品与标签数据为虚构示例；节省金额按所选省份电价、水价和典型使用估算，补贴按购买日期有效的政策计算，实际以当地平台为准。',
    national: '全国平均价格', switchTo: 'English', htmlLang: 'zh-CN',
    grade: g => `${g}级能效`, price: '售价',
    saves: m => `每年省约 ${m}`, kwh: k => `省电 ${k} 度/年`, water: w => `省水 ${w} 吨/年`,
    noSaving: '与旧机相比不省钱',
    subsidy: s => `以旧换新补贴 ${s}`, noSubsidy: '不在补贴范围',
    net: n => `到手价 ${n}`, payback: y => `约 ${y} 年回本`,
    rule: '依据：', longPayback: '省下的钱在使用寿命内抵不回到手价', version: (v, d) => `数据版本 ${v}（核对至 ${d}）`,
  },
  en: {
    title: 'Example appliance store',
    lede: 'Each badge is computed in your browser by the Huanxin JS package: yearly savings, the trade-in subsidy and the net price.',
    region: 'Province', oldYear: 'Your old unit was bought around', date: 'Purchase date',
    loading: 'Loading the engine…', ready: '', failed: 'The engine failed to load: ',
    note: 'Example products with made-up label figures. Savings use the province\'s prices and typical use; the subsidy follows the rules in force on the purchase date. The local platform decides.',
    national: 'National average prices', switchTo: '中文', htmlLang: 'en',
    grade: g => `Grade ${g}`, price: 'Price',
    saves: m => `Saves about ${m} a year`, kwh: k => `${k} kWh a year`, water: w => `${w} m³ of water a year`,
    noSaving: 'No saving over the old unit',
    subsidy: s => `Trade-in subsidy ${s}`, noSubsidy: 'No subsidy',
    net: n => `Net price ${n}`, payback: y => `Pays back in about ${y} years`,
    rule: 'Rules: ', longPayback: 'Savings do not repay the net price within its life', version: (v, d) => `Data ${v} (checked ${d})`,
  },
};

const params = new URLSearchParams(location.search);
let lang = params.get('lang') === 'en' ? 'en' : 'zh';
let engineReady = false;
const $ = id => document.getElementById(id);

const money = (yuan, whole = false) => new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', {
  style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol',
  minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: whole ? 0 : 2,
}).format(yuan);
const number = (value, digits) => new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', {
  maximumFractionDigits: digits,
}).format(value);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v);
  }
  node.append(...children.filter(c => c !== null && c !== undefined));
  return node;
}

function fillControls() {
  const s = STRINGS[lang];
  const region = $('region');
  const chosenRegion = region.value;
  region.replaceChildren(el('option', { value: '', text: s.national }),
    ...regions().map(r => el('option', { value: r.code, text: lang === 'zh' ? r.zh : r.en })));
  region.value = chosenRegion || params.get('region')?.toUpperCase() || 'SH';
  const year = $('old-year');
  if (!year.options.length) {
    const thisYear = new Date().getFullYear();
    for (let y = thisYear - 2; y >= 2000; y--) year.append(el('option', { value: String(y), text: String(y) }));
    year.value = params.get('old_year') || '2014';
  }
  if (!$('date').value) $('date').value = params.get('date') || new Date().toISOString().slice(0, 10);
}

function badge(product) {
  const s = STRINGS[lang];
  const r = compute({
    ...product.input,
    region: $('region').value,
    old_year: $('old-year').value,
    date: $('date').value,
    lang,
  });
  if (!r.ok) {
    const e = r.errors[0];
    return el('p', { class: 'badge badge--error', 'data-testid': 'badge-error' }, lang === 'zh' ? e.zh : e.en);
  }
  const lines = [];
  lines.push(el('span', { class: 'badge__grade', 'data-testid': 'badge-grade' }, s.grade(r.grade)));
  lines.push(r.annual_money_saved > 0
    ? el('span', { class: 'badge__saving', 'data-testid': 'badge-saving', 'data-value': String(r.annual_money_saved) },
      s.saves(money(r.annual_money_saved, true)))
    : el('span', { class: 'badge__saving', 'data-testid': 'badge-saving', 'data-value': String(r.annual_money_saved) }, s.noSaving));
  const details = [];
  if (r.annual_kwh_saved > 0) details.push(s.kwh(number(r.annual_kwh_saved, 0)));
  if (r.annual_water_saved > 0) details.push(s.water(number(r.annual_water_saved, 1)));
  if (details.length) lines.push(el('span', { class: 'badge__detail' }, details.join(' · ')));
  lines.push(r.subsidy_eligible
    ? el('span', { class: 'badge__subsidy', 'data-testid': 'badge-subsidy', 'data-value': String(r.subsidy), title: r.subsidy_reason },
      s.subsidy(money(r.subsidy)))
    : el('span', { class: 'badge__subsidy badge__subsidy--none', 'data-testid': 'badge-subsidy', 'data-value': '0', title: r.subsidy_reason },
      s.noSubsidy));
  lines.push(el('span', { class: 'badge__net', 'data-testid': 'badge-net', 'data-value': String(r.net_price) }, s.net(money(r.net_price))));
  // A payback longer than the unit lives is no payback for the buyer: say so instead of "167 years".
  if (r.payback_years !== null) {
    lines.push(el('span', { class: 'badge__payback' }, r.payback_years <= r.lifetime_years
      ? s.payback(number(r.payback_years, 1)) : s.longPayback));
  }
  const rule = r.rule_set
    ? el('small', { class: 'badge__rule' }, s.rule,
      r.rule_set.url ? el('a', { href: r.rule_set.url, rel: 'noopener noreferrer', target: '_blank' }, r.rule_set.name) : r.rule_set.name)
    : null;
  return el('div', { class: 'badge', 'data-testid': 'badge' }, ...lines, rule);
}

function render() {
  const s = STRINGS[lang];
  document.documentElement.lang = s.htmlLang;
  document.title = `${s.title} · Huanxin`;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    const value = s[node.dataset.i18n];
    if (typeof value === 'string') node.textContent = value;
  }
  $('lang-switch').textContent = s.switchTo;
  if (!engineReady) return;
  $('status').textContent = s.ready;
  fillControls();
  const items = PRODUCTS.map(p => el('li', { class: 'product', 'data-testid': `product-${p.id}` },
    el('h2', { class: 'product__name' }, lang === 'zh' ? p.zh : p.en),
    el('p', { class: 'product__price' }, `${s.price} `, el('strong', {}, money(p.input.price, true))),
    badge(p)));
  $('products').replaceChildren(...items);
  const v = dataVersion();
  $('data-version').textContent = s.version(v.version, v.as_of);
}

$('lang-switch').addEventListener('click', () => { lang = lang === 'zh' ? 'en' : 'zh'; render(); });
$('controls').addEventListener('change', render);
$('controls').addEventListener('submit', e => e.preventDefault());

render();
try {
  await init();
  engineReady = true;
  render();
} catch (error) {
  $('status').textContent = STRINGS[lang].failed + String(error);
}
