// The short summary of an offer letter in the household's language (issue 6 item 5; R6.4–R6.6:
// information in a language the household understands, the Norwegian letter being the official
// text). One entry per language the contact card also has: Arabic, Dari, Tigrinya, Ukrainian,
// Somali and English. Values (address, dates, amounts, names) are filled in by the letter; they
// are set left to right inside right-to-left text (bidi isolates, allocation-letter.pdf.ts).
//
// TO BE REVIEWED BY A CERTIFIED TRANSLATOR before real use: these are careful but synthetic
// translations made for Husly, not checked by a certified translator (statsautorisert translatør).
// Keep them short, neutral and plain: "usually one offer" is stated as a fact with an offer of
// dialogue, never as a threat (R5.4–R5.5).

export type OfferSummaryTexts = {
  /** ISO 639 code as stored in person_language / summary_language. */
  language: string;
  /** BCP 47 tag for the PDF's marked content (screen readers, copy). */
  bcp47: string;
  direction: 'ltr' | 'rtl';
  heading: string;
  intro: string;
  labels: {
    address: string;
    bedrooms: string;
    rent: string;
    availableFrom: string;
    answerDue: string;
    contact: string;
  };
  answer: string;
  refusal: string;
  official: string;
};

const en: OfferSummaryTexts = {
  language: 'en',
  bcp47: 'en',
  direction: 'ltr',
  heading: 'Summary in English',
  intro: 'You are offered a dwelling. The most important points:',
  labels: {
    address: 'Address',
    bedrooms: 'Bedrooms',
    rent: 'Rent per month',
    availableFrom: 'You can move in from',
    answerDue: 'Answer by',
    contact: 'Contact',
  },
  answer:
    'Please answer by the date above. Contact the person named above to answer or to ask questions. You can ask for an interpreter free of charge.',
  refusal:
    'Usually a household gets one offer of a dwelling. If you say no, please tell us why: we will talk with you about what happens next.',
  official: 'The Norwegian letter above is the official text.',
};

const ar: OfferSummaryTexts = {
  language: 'ar',
  bcp47: 'ar',
  direction: 'rtl',
  heading: 'ملخص باللغة العربية',
  intro: 'نعرض عليكم سكنًا. أهم المعلومات:',
  labels: {
    address: 'العنوان',
    bedrooms: 'عدد غرف النوم',
    rent: 'الإيجار الشهري',
    availableFrom: 'متاح للسكن من',
    answerDue: 'آخر موعد للرد',
    contact: 'جهة الاتصال',
  },
  answer: 'يرجى الرد قبل آخر موعد. تواصلوا مع جهة الاتصال للرد أو لطرح الأسئلة. يمكنكم طلب مترجم مجانًا.',
  refusal: 'عادةً تحصل الأسرة على عرض سكن واحد. إذا رفضتم العرض، أخبرونا بالسبب، وسنتحدث معكم عن الخطوات التالية.',
  official: 'الرسالة باللغة النرويجية أعلاه هي النص الرسمي.',
};

const prs: OfferSummaryTexts = {
  language: 'prs',
  bcp47: 'fa-AF',
  direction: 'rtl',
  heading: 'خلاصه به زبان دری',
  intro: 'برای شما یک خانه پیشنهاد می‌شود. مهم‌ترین معلومات:',
  labels: {
    address: 'آدرس',
    bedrooms: 'تعداد اتاق‌های خواب',
    rent: 'کرایهٔ ماهانه',
    availableFrom: 'قابل سکونت از',
    answerDue: 'آخرین مهلت جواب',
    contact: 'شخص تماس',
  },
  answer:
    'لطفاً تا آخرین مهلت جواب بدهید. برای جواب دادن یا پرسیدن سوال با شخص تماس به تماس شوید. شما می‌توانید ترجمان رایگان بخواهید.',
  refusal:
    'معمولاً هر خانواده یک پیشنهاد خانه می‌گیرد. اگر پیشنهاد را رد می‌کنید، دلیل آن را به ما بگویید؛ ما با شما دربارهٔ قدم‌های بعدی صحبت می‌کنیم.',
  official: 'نامهٔ نارویژی بالا متن رسمی است.',
};

const ti: OfferSummaryTexts = {
  language: 'ti',
  bcp47: 'ti',
  direction: 'ltr',
  heading: 'ጽማቕ ብትግርኛ',
  intro: 'ገዛ ይቐርበልኩም ኣሎ። እቲ ኣገዳሲ ሓበሬታ፦',
  labels: {
    address: 'ኣድራሻ',
    bedrooms: 'ብዝሒ መደቀሲ ክፍሊ',
    rent: 'ወርሓዊ ክራይ',
    availableFrom: 'ክትኣትዉ ትኽእሉ ካብ',
    answerDue: 'መወዳእታ ዕለት መልሲ',
    contact: 'ርክብ',
  },
  answer: 'በጃኹም ቅድሚ መወዳእታ ዕለት መልሲ ሃቡ። መልሲ ንምሃብ ወይ ሕቶ ንምሕታት ምስ እቲ ርክብ ተራኸቡ። ብነጻ ተርጓሚ ክትሓቱ ትኽእሉ ኢኹም።',
  refusal: 'ብልሙድ ሓደ ስድራቤት ሓደ ናይ ገዛ ዕድል ይወሃቦ። እንተ ኣብዩምዎ፡ ምኽንያቱ ንገሩና፤ ብዛዕባ ዝቕጽል ስጉምቲ ምሳኹም ክንዘራረብ ኢና።',
  official: 'እቲ ኣብ ላዕሊ ዘሎ ብኖርወይኛ ዝተጻሕፈ ደብዳቤ እዩ ወግዓዊ ጽሑፍ።',
};

const uk: OfferSummaryTexts = {
  language: 'uk',
  bcp47: 'uk',
  direction: 'ltr',
  heading: 'Короткий зміст українською',
  intro: 'Вам пропонують житло. Найважливіше:',
  labels: {
    address: 'Адреса',
    bedrooms: 'Кількість спалень',
    rent: 'Орендна плата на місяць',
    availableFrom: 'Можна заселятися з',
    answerDue: 'Відповісти до',
    contact: 'Контактна особа',
  },
  answer:
    'Будь ласка, дайте відповідь до зазначеної дати. Зверніться до контактної особи, щоб відповісти або поставити запитання. Ви можете безкоштовно попросити перекладача.',
  refusal:
    'Зазвичай домогосподарство отримує одну пропозицію житла. Якщо ви відмовляєтеся, повідомте нам причину: ми поговоримо з вами про подальші кроки.',
  official: 'Офіційним є текст листа норвезькою мовою вище.',
};

const so: OfferSummaryTexts = {
  language: 'so',
  bcp47: 'so',
  direction: 'ltr',
  heading: 'Soo koobid af-Soomaali',
  intro: 'Waxaa laydiin soo bandhigay guri. Waxyaabaha ugu muhiimsan:',
  labels: {
    address: 'Cinwaanka',
    bedrooms: 'Tirada qolalka jiifka',
    rent: 'Kirada bishii',
    availableFrom: 'Waa la degi karaa laga bilaabo',
    answerDue: 'Jawaabta ugu dambeyn',
    contact: 'Qofka la xiriirka',
  },
  answer:
    "Fadlan ka jawaab ka hor taariikhda kore. La xiriir qofka kore si aad u jawaabto ama su'aalo u weydiiso. Waxaad codsan kartaa turjubaan bilaash ah.",
  refusal:
    'Caadi ahaan qoys kasta wuxuu helaa hal dalab guri. Haddii aad diiddo, fadlan noo sheeg sababta: waan kala hadli doonnaa waxa xiga.',
  official: 'Warqadda af-Norwiijiga ah ee kore ayaa ah qoraalka rasmiga ah.',
};

export const offerSummaryTranslations: ReadonlyMap<string, OfferSummaryTexts> = new Map(
  [en, ar, prs, ti, uk, so].map((t) => [t.language, t]),
);

/** Languages an offer letter can carry a summary in. */
export const offerSummaryLanguages: readonly string[] = [...offerSummaryTranslations.keys()];

/**
 * The summary language for a household: the asked-for one, else the main person's letter
 * language; none when that language has no summary (Norwegian, or one not translated yet).
 */
export function summaryLanguageFor(requested: string | undefined, preferred: string | null): string | null {
  const wanted = requested ?? preferred;
  if (!wanted || wanted === 'nb' || wanted === 'nn' || wanted === 'no') return null;
  return offerSummaryTranslations.has(wanted) ? wanted : null;
}
