/**
 * A synthetic multilingual corpus for the search benchmark: Zipf-distributed words in
 * Latin (German with compounds, English, Turkish), Arabic (with clitics) and Cyrillic
 * (Ukrainian, Russian with endings) scripts, deterministic for a given seed.
 */
export type CorpusPosting = {
  id: string
  organisation: string
  type: 'offer' | 'need'
  category: string
  district?: string
  audiences: string[]
  languages: string[]
  title: Record<string, string>
  body: Record<string, string>
  status: 'published'
  sourceLocale: string
  contactMode: 'organisation'
}

export function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const words = (text: string) => text.split(/\s+/).filter(Boolean)

const german = {
  function: words('und der die das für mit in zu von bei auf im am ist sind wir sie ein eine oder auch nach aus'),
  stems: words(`Deutsch Kurs Sprache Hilfe Familie Kinder Frauen Wohnung Arbeit Schule Beratung Begleitung Fahrrad
    Kleidung Möbel Küche Garten Werkstatt Nachbarschaft Café Treffen Termin Amt Arzt Praxis Behörde Antrag Formular
    Ausbildung Praktikum Bewerbung Anerkennung Abschluss Studium Haus Aufgaben Nachhilfe Spiel Sport Fußball Musik
    Chor Theater Ausflug Museum Bibliothek Lesen Schreiben Rechnen Computer Handy Internet Geld Konto Versicherung
    Miete Vertrag Umzug Transport Fahrt Auto Bus Bahn Ticket Winter Sommer Jacke Schuhe Spielzeug Bett Schrank Tisch
    Stuhl Lampe Herd Kühlschrank Waschmaschine Geschirr Essen Kochen Backen Brot Markt Laden Spende Verein Gruppe
    Kreis Zentrum Büro Stelle Dienst Leute Eltern Baby Schwangerschaft Gesundheit Psyche Trauma Recht Asyl Aufenthalt
    Pass Visum Duldung Gericht Anwalt Dolmetscher Übersetzung Tandem Gespräch Abend Morgen Woche Monat Stadt Dorf`),
  adjectives: words('neu gebraucht kostenlos gut klein groß warm offen gemeinsam einfach schnell regelmäßig wöchentlich freundlich jung alt'),
  verbs: words('suchen bieten helfen lernen treffen begleiten spenden abholen bringen reparieren kochen spielen üben erklären übersetzen'),
}
const english = {
  function: words('the and for with in to of at on is are we you a or also'),
  stems: words(`German course language help family children women flat work school advice support bike clothes furniture
    kitchen garden workshop neighbours cafe meeting appointment office doctor form training internship application
    homework tutoring sports football music choir theatre trip museum library reading computer phone money rent move
    ride bus ticket winter jacket shoes toys bed table chair fridge food cooking bread market donation group centre`),
}
const turkish = {
  function: words('ve için ile bir bu da de çok her'),
  stems: words(`Almanca kurs dil yardım aile çocuklar kadınlar ev iş okul danışmanlık bisiklet giysi mobilya mutfak bahçe
    buluşma randevu doktor başvuru staj ödev spor müzik gezi kütüphane bilgisayar telefon kira taşınma otobüs kış ceket`),
}
const arabic = {
  function: words('في من على إلى مع و أو هذا هذه عن كل'),
  stems: words(`دورة لغة ألمانية مساعدة عائلة أطفال نساء شقة عمل مدرسة استشارة مرافقة دراجة ملابس أثاث مطبخ حديقة ورشة
    جيران مقهى لقاء موعد مكتب طبيب عيادة طلب استمارة تدريب تدريب_مهني وظيفة شهادة دراسة واجبات دروس رياضة كرة موسيقى
    رحلة متحف مكتبة قراءة كتابة حاسوب هاتف مال حساب تأمين إيجار عقد انتقال نقل سيارة حافلة تذكرة شتاء صيف معطف أحذية
    ألعاب سرير خزانة طاولة كرسي ثلاجة غسالة طعام طبخ خبز سوق تبرع جمعية مجموعة مركز خدمة أهل رضيع حمل صحة نفسية
    صدمة قانون لجوء إقامة جواز تأشيرة محكمة محامي ترجمة مترجم محادثة مساء صباح أسبوع شهر مدينة قرية`),
  prefixes: ['', '', '', 'ال', 'وال', 'بال', 'لل'],
  suffixes: ['', '', '', 'ات', 'ها', 'هم'],
}
const cyrillic = {
  function: words('і та для з в у на до від ми ви або також и для с в на от мы вы или'),
  stems: words(`курс мов німецьк допомог сім дит жін квартир робот школ консультац супровід велосипед одяг меблі кухн сад
    майстерн сусід кав зустріч приймальн лікар заяв анкет навчанн практик резюме визнанн диплом домашн спорт футбол
    музик хор екскурс музей бібліотек читанн комп телефон гроші рахунок страхуванн оренд переїзд транспорт автобус
    квиток зим літ куртк взутт іграшк лiжк шаф стіл стілець холодильник пральн їж хліб ринок пожертв громад груп
    центр служб батьк немовл здоров психолог прав притулок дозвіл паспорт віз суд адвокат переклад перекладач розмов
    курсы язык помощ семь дет женщин квартир работ школ консультац сопровожден велосипед одежд мебел кухн`),
  endings: ['', 'а', 'и', 'ів', 'ам', 'ою', 'ом', 'ы', 'ов', 'е'],
}

type Sampler = () => string

/** Zipf over a list: the word at rank r has weight 1 / r^s. */
function zipf(list: string[], rand: () => number, s = 1.07): Sampler {
  const weights = list.map((_, rank) => 1 / (rank + 1) ** s)
  const total = weights.reduce((a, b) => a + b, 0)
  const cumulative: number[] = []
  let sum = 0
  for (const weight of weights) cumulative.push((sum += weight / total))
  return () => {
    const x = rand()
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid] < x) lo = mid + 1
      else hi = mid
    }
    return list[lo]
  }
}

function shuffle<T>(list: T[], rand: () => number): T[] {
  const out = [...list]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

/** Per language, a sampler of words: function words often, a long tail of content words. */
function languages(rand: () => number): Record<string, Sampler> {
  const stems = shuffle(german.stems, rand)
  // German compounds: every pair of stems is a possible word, rarer the rarer its parts.
  const compounds = stems.flatMap((a, i) => stems.slice(0, 60).filter((b) => b !== a).map((b, j) => ({ word: a + b.toLowerCase(), rank: (i + 1) * (j + 1) })))
  compounds.sort((a, b) => a.rank - b.rank)
  const de = zipf([...german.function, ...stems, ...german.verbs, ...german.adjectives, ...compounds.map((c) => c.word)], rand)
  const ar = zipf([...arabic.function, ...shuffle(arabic.stems, rand).flatMap((stem) => arabic.prefixes.map((p, i) => p + stem.replace('_', ' ') + arabic.suffixes[i % arabic.suffixes.length]))], rand)
  const cy = zipf([...cyrillic.function, ...shuffle(cyrillic.stems, rand).flatMap((stem) => cyrillic.endings.map((e) => stem + e))], rand)
  const en = zipf([...english.function, ...shuffle(english.stems, rand)], rand)
  const tr = zipf([...turkish.function, ...shuffle(turkish.stems, rand)], rand)
  return { de, ar, fa: ar, uk: cy, ru: cy, en, tr }
}

export type Taxonomy = { categories: string[]; districts: string[]; organisations: string[] }
const audiences = ['women', 'families', 'children', 'youth', 'seniors', 'lgbtq', 'disability']
const helpLanguages = ['de', 'en', 'ar', 'fa', 'prs', 'ps', 'ku', 'ti', 'uk', 'ru', 'tr', 'fr']

export function generatePostings(count: number, taxonomy: Taxonomy, seed = 42): CorpusPosting[] {
  const rand = random(seed)
  const lang = languages(rand)
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]
  const sentence = (sampler: Sampler, n: number) => Array.from({ length: n }, sampler).join(' ')
  const postings: CorpusPosting[] = []
  for (let i = 0; i < count; i++) {
    const r = rand()
    const source = r < 0.7 ? 'de' : r < 0.8 ? 'ar' : r < 0.87 ? 'uk' : r < 0.92 ? 'fa' : r < 0.96 ? 'ru' : 'tr'
    const locales = [source]
    if (rand() < 0.5) for (const extra of shuffle(['en', 'ar', 'fa', 'uk', 'ru', 'tr', 'de'].filter((l) => l !== source), rand).slice(0, 1 + Math.floor(rand() * 3))) locales.push(extra)
    const title: Record<string, string> = {}
    const body: Record<string, string> = {}
    for (const locale of locales) {
      title[locale] = sentence(lang[locale], 3 + Math.floor(rand() * 6))
      body[locale] = sentence(lang[locale], 20 + Math.floor(rand() * 40))
    }
    postings.push({
      id: `bench-${i}`,
      organisation: pick(taxonomy.organisations),
      type: rand() < 0.65 ? 'offer' : 'need',
      category: pick(taxonomy.categories),
      ...(rand() < 0.9 ? { district: pick(taxonomy.districts) } : {}),
      audiences: rand() < 0.5 ? [] : shuffle(audiences, rand).slice(0, 1 + Math.floor(rand() * 2)),
      languages: shuffle(helpLanguages, rand).slice(0, 1 + Math.floor(rand() * 3)),
      title,
      body,
      status: 'published',
      sourceLocale: source,
      contactMode: 'organisation',
    })
  }
  return postings
}
