// Name pools for synthetic people, from the countries Norway has settled most refugees from in
// recent years (IMDi's settlement statistics: Ukraine, Syria, Afghanistan, Eritrea, Somalia,
// Sudan, DR Congo, Myanmar).
//
// These are common first names and family or father's names, not real individuals; a
// generated person is a random combination. Each entry is written in the script the person
// would write it in, with a Latin transliteration where that script is not Latin. The
// transliterations follow common practice in passports and Norwegian registers rather than
// one academic standard (Ukrainian follows the official 2010 national system, which drops the
// apostrophe). Pools deliberately include what forms must accept (RELIABILITY.md §6.2):
// apostrophes, hyphens, letters with diacritics, non-Latin scripts, and people with a single name.
//
// All strings are NFC (see generator.test.ts).

export type GivenNameEntry = { readonly given: string; readonly givenLatin?: string };
export type FamilyNameEntry = { readonly family: string; readonly familyLatin?: string };

/**
 * How the second name is formed:
 * - 'family': an inherited family name shared by parents' children (Ukraine, Syria…).
 * - 'patronymic': the father's given name is the person's second name (Eritrea, Somalia,
 *   Sudan), so a child's second name is the main adult's given name.
 * - 'single': no second name at all (most Burmese, Karen and Chin names).
 */
export type NamingPattern = 'family' | 'patronymic' | 'single';

export type NamePool = {
  readonly country: string; // ISO 3166-1 alpha-2
  readonly pattern: NamingPattern;
  /** Share of adults recorded with one name only, whatever the pattern. */
  readonly singleNameShare: number;
  readonly given: readonly GivenNameEntry[];
  /** Second names for adults; empty for the 'single' pattern. */
  readonly family: readonly FamilyNameEntry[];
};

const syria: NamePool = {
  country: 'SY',
  pattern: 'family',
  singleNameShare: 0.02,
  given: [
    { given: 'محمد', givenLatin: 'Mohammad' },
    { given: 'أحمد', givenLatin: 'Ahmad' },
    { given: 'علي', givenLatin: 'Ali' },
    { given: 'عمر', givenLatin: 'Omar' },
    { given: 'خالد', givenLatin: 'Khaled' },
    { given: 'يوسف', givenLatin: 'Yousef' },
    { given: 'حسن', givenLatin: 'Hassan' },
    { given: 'حسين', givenLatin: 'Hussein' },
    { given: 'إبراهيم', givenLatin: 'Ibrahim' },
    { given: 'مصطفى', givenLatin: 'Mustafa' },
    { given: 'عبد الله', givenLatin: 'Abdullah' },
    { given: 'سعد', givenLatin: "Sa'ad" },
    { given: 'مأمون', givenLatin: "Ma'moun" },
    { given: 'سامر', givenLatin: 'Samer' },
    { given: 'باسل', givenLatin: 'Basel' },
    { given: 'فادي', givenLatin: 'Fadi' },
    { given: 'ماهر', givenLatin: 'Maher' },
    { given: 'فاطمة', givenLatin: 'Fatima' },
    { given: 'مريم', givenLatin: 'Maryam' },
    { given: 'نور', givenLatin: 'Nour' },
    { given: 'هبة', givenLatin: 'Heba' },
    { given: 'رنا', givenLatin: 'Rana' },
    { given: 'لينا', givenLatin: 'Lina' },
    { given: 'سارة', givenLatin: 'Sara' },
    { given: 'آية', givenLatin: 'Aya' },
    { given: 'ريم', givenLatin: 'Reem' },
    { given: 'دعاء', givenLatin: "Du'aa" },
    { given: 'أمل', givenLatin: 'Amal' },
    { given: 'ياسمين', givenLatin: 'Yasmin' },
    { given: 'رهف', givenLatin: 'Rahaf' },
    { given: 'جنى', givenLatin: 'Jana' },
    { given: 'شهد', givenLatin: 'Shahad' },
  ],
  family: [
    { family: 'السيد', familyLatin: 'Al-Sayed' },
    { family: 'الأحمد', familyLatin: 'Al-Ahmad' },
    { family: 'الحسن', familyLatin: 'Al-Hassan' },
    { family: 'الخطيب', familyLatin: 'Al-Khatib' },
    { family: 'الحلبي', familyLatin: 'Al-Halabi' },
    { family: 'المصري', familyLatin: 'Al-Masri' },
    { family: 'الشامي', familyLatin: 'Al-Shami' },
    { family: 'الزعبي', familyLatin: "Al-Zo'bi" },
    { family: 'العلي', familyLatin: 'Al-Ali' },
    { family: 'الحمصي', familyLatin: 'Al-Homsi' },
    { family: 'حداد', familyLatin: 'Haddad' },
    { family: 'خليل', familyLatin: 'Khalil' },
    { family: 'عثمان', familyLatin: 'Othman' },
    { family: 'درويش', familyLatin: 'Darwish' },
    { family: 'نجار', familyLatin: 'Najjar' },
    { family: 'قاسم', familyLatin: 'Qasem' },
    { family: 'سليمان', familyLatin: 'Suleiman' },
    { family: 'إسماعيل', familyLatin: 'Ismail' },
    { family: 'عبد الرحمن', familyLatin: 'Abdulrahman' },
    { family: 'شيخو', familyLatin: 'Sheikho' },
  ],
};

// Tigrinya in Ge'ez script. The second name is the father's given name.
const eritrea: NamePool = {
  country: 'ER',
  pattern: 'patronymic',
  singleNameShare: 0.03,
  given: [
    { given: 'ዮናስ', givenLatin: 'Yonas' },
    { given: 'ተስፋይ', givenLatin: 'Tesfay' },
    { given: 'ዳዊት', givenLatin: 'Dawit' },
    { given: 'ዮሃንስ', givenLatin: 'Yohannes' },
    { given: 'መሓሪ', givenLatin: 'Mehari' },
    { given: 'ብርሃነ', givenLatin: 'Berhane' },
    { given: 'ኪዳነ', givenLatin: 'Kidane' },
    { given: 'ሃብቶም', givenLatin: 'Habtom' },
    { given: 'ጎይቶም', givenLatin: 'Goitom' },
    { given: 'ኣማኑኤል', givenLatin: 'Amanuel' },
    { given: 'ሳሙኤል', givenLatin: 'Samuel' },
    { given: 'ቢንያም', givenLatin: 'Biniam' },
    { given: 'ፊልሞን', givenLatin: 'Filmon' },
    { given: 'ተኽለ', givenLatin: 'Tekle' },
    { given: 'ሰላም', givenLatin: 'Selam' },
    { given: 'ሄለን', givenLatin: 'Helen' },
    { given: 'ሰናይት', givenLatin: 'Senait' },
    { given: 'ሰምሃር', givenLatin: 'Semhar' },
    { given: 'ሉዋም', givenLatin: 'Luwam' },
    { given: 'ሕወት', givenLatin: 'Hiwet' },
    { given: 'ዮርዳኖስ', givenLatin: 'Yordanos' },
    { given: 'ጸጋ', givenLatin: 'Tsega' },
    { given: 'ሳባ', givenLatin: 'Saba' },
    { given: 'ዊንታ', givenLatin: 'Winta' },
    { given: 'ፍረወይኒ', givenLatin: 'Freweini' },
    { given: 'ኣስቴር', givenLatin: 'Aster' },
  ],
  family: [
    { family: 'ተስፋማርያም', familyLatin: 'Tesfamariam' },
    { family: 'ገብረመድህን', familyLatin: 'Gebremedhin' },
    { family: 'ሃይለ', familyLatin: 'Haile' },
    { family: 'ወልዱ', familyLatin: 'Woldu' },
    { family: 'ካሕሳይ', familyLatin: 'Kahsay' },
    { family: 'ገብረየሱስ', familyLatin: 'Ghebreyesus' },
    { family: 'ኣስመሮም', familyLatin: 'Asmerom' },
    { family: 'መብራህቱ', familyLatin: 'Mebrahtu' },
    { family: 'ተኽለ', familyLatin: 'Tekle' },
    { family: 'ሃብተ', familyLatin: 'Habte' },
    { family: 'ተወልደ', familyLatin: 'Tewelde' },
    { family: 'ገብረሚካኤል', familyLatin: 'Gebremichael' },
  ],
};

// Dari in Perso-Arabic script (Persian ی and ک, not the Arabic ي and ك). Many Afghans have no
// inherited family name; some names carry a zero-width non-joiner (U+200C), as written.
const afghanistan: NamePool = {
  country: 'AF',
  pattern: 'family',
  singleNameShare: 0.25,
  given: [
    { given: 'احمد', givenLatin: 'Ahmad' },
    { given: 'محمد', givenLatin: 'Mohammad' },
    { given: 'فرید', givenLatin: 'Farid' },
    { given: 'نصیر', givenLatin: 'Nasir' },
    { given: 'جاوید', givenLatin: 'Jawid' },
    { given: 'حمید', givenLatin: 'Hamid' },
    { given: 'رحیم', givenLatin: 'Rahim' },
    { given: 'کریم', givenLatin: 'Karim' },
    { given: 'شفیق', givenLatin: 'Shafiq' },
    { given: 'ذبیح‌الله', givenLatin: 'Zabihullah' },
    { given: 'سمیع‌الله', givenLatin: 'Samiullah' },
    { given: 'عبدالله', givenLatin: 'Abdullah' },
    { given: 'مسعود', givenLatin: 'Masoud' },
    { given: 'نوید', givenLatin: 'Nawid' },
    { given: 'ولی', givenLatin: 'Wali' },
    { given: 'زهرا', givenLatin: 'Zahra' },
    { given: 'مریم', givenLatin: 'Maryam' },
    { given: 'فاطمه', givenLatin: 'Fatima' },
    { given: 'شبنم', givenLatin: 'Shabnam' },
    { given: 'مرسل', givenLatin: 'Mursal' },
    { given: 'ملالی', givenLatin: 'Malalai' },
    { given: 'پروانه', givenLatin: 'Parwana' },
    { given: 'فرزانه', givenLatin: 'Farzana' },
    { given: 'نرگس', givenLatin: 'Nargis' },
    { given: 'لیلا', givenLatin: 'Laila' },
    { given: 'سحر', givenLatin: 'Sahar' },
    { given: 'هما', givenLatin: 'Homa' },
    { given: 'ستاره', givenLatin: 'Setara' },
  ],
  family: [
    { family: 'احمدی', familyLatin: 'Ahmadi' },
    { family: 'محمدی', familyLatin: 'Mohammadi' },
    { family: 'رحیمی', familyLatin: 'Rahimi' },
    { family: 'حسینی', familyLatin: 'Hosseini' },
    { family: 'نوری', familyLatin: 'Noori' },
    { family: 'کریمی', familyLatin: 'Karimi' },
    { family: 'هاشمی', familyLatin: 'Hashimi' },
    { family: 'صدیقی', familyLatin: 'Siddiqi' },
    { family: 'عزیزی', familyLatin: 'Azizi' },
    { family: 'حیدری', familyLatin: 'Haidari' },
    { family: 'رسولی', familyLatin: 'Rasuli' },
    { family: 'یوسفی', familyLatin: 'Yousufi' },
    { family: 'سلطانی', familyLatin: 'Sultani' },
    { family: 'امیری', familyLatin: 'Amiri' },
    { family: 'جعفری', familyLatin: 'Jafari' },
    { family: 'ستانکزی', familyLatin: 'Stanikzai' },
    { family: 'وردک', familyLatin: 'Wardak' },
  ],
};

// Ukrainian in Cyrillic; transliteration by the official 2010 Ukrainian system (Cabinet of
// Ministers resolution no. 55), used in Ukrainian passports. The family names chosen are the
// same for women and men, so no gender has to be guessed.
const ukraine: NamePool = {
  country: 'UA',
  pattern: 'family',
  singleNameShare: 0,
  given: [
    { given: 'Олександр', givenLatin: 'Oleksandr' },
    { given: 'Андрій', givenLatin: 'Andrii' },
    { given: 'Дмитро', givenLatin: 'Dmytro' },
    { given: 'Сергій', givenLatin: 'Serhii' },
    { given: 'Максим', givenLatin: 'Maksym' },
    { given: 'Іван', givenLatin: 'Ivan' },
    { given: 'Богдан', givenLatin: 'Bohdan' },
    { given: 'Тарас', givenLatin: 'Taras' },
    { given: 'Юрій', givenLatin: 'Yurii' },
    { given: 'Артем', givenLatin: 'Artem' },
    { given: 'Микола', givenLatin: 'Mykola' },
    { given: 'Олена', givenLatin: 'Olena' },
    { given: 'Наталія', givenLatin: 'Nataliia' },
    { given: 'Оксана', givenLatin: 'Oksana' },
    { given: 'Ірина', givenLatin: 'Iryna' },
    { given: 'Тетяна', givenLatin: 'Tetiana' },
    { given: 'Юлія', givenLatin: 'Yuliia' },
    { given: 'Анастасія', givenLatin: 'Anastasiia' },
    { given: 'Марія', givenLatin: 'Mariia' },
    { given: 'Мар\u02bcяна', givenLatin: 'Mariana' },
    { given: 'Катерина', givenLatin: 'Kateryna' },
    { given: 'Софія', givenLatin: 'Sofiia' },
    { given: 'Вікторія', givenLatin: 'Viktoriia' },
    { given: 'Ганна', givenLatin: 'Hanna' },
    { given: 'Людмила', givenLatin: 'Liudmyla' },
    { given: 'Дарина', givenLatin: 'Daryna' },
    { given: 'Ольга', givenLatin: 'Olha' },
  ],
  family: [
    { family: 'Шевченко', familyLatin: 'Shevchenko' },
    { family: 'Коваленко', familyLatin: 'Kovalenko' },
    { family: 'Бондаренко', familyLatin: 'Bondarenko' },
    { family: 'Ткаченко', familyLatin: 'Tkachenko' },
    { family: 'Кравченко', familyLatin: 'Kravchenko' },
    { family: 'Олійник', familyLatin: 'Oliinyk' },
    { family: 'Мельник', familyLatin: 'Melnyk' },
    { family: 'Бойко', familyLatin: 'Boiko' },
    { family: 'Коваль', familyLatin: 'Koval' },
    { family: 'Савченко', familyLatin: 'Savchenko' },
    { family: 'Поліщук', familyLatin: 'Polishchuk' },
    { family: 'Лисенко', familyLatin: 'Lysenko' },
    { family: 'Руденко', familyLatin: 'Rudenko' },
    { family: 'Марченко', familyLatin: 'Marchenko' },
    { family: 'Мороз', familyLatin: 'Moroz' },
    { family: 'Клименко', familyLatin: 'Klymenko' },
    { family: 'Павленко', familyLatin: 'Pavlenko' },
    { family: 'Гончаренко', familyLatin: 'Honcharenko' },
    { family: 'Петренко', familyLatin: 'Petrenko' },
    { family: 'Дяченко', familyLatin: 'Diachenko' },
  ],
};

// Somali is written in the Latin alphabet (official orthography since 1972: x = ħ, c = ʕ,
// doubled vowels are long), so there is no separate transliteration. Both the Somali spelling
// and the anglicised one seen in older documents appear.
const somalia: NamePool = {
  country: 'SO',
  pattern: 'patronymic',
  singleNameShare: 0.02,
  given: [
    { given: 'Maxamed' },
    { given: 'Mohamed' },
    { given: 'Cabdi' },
    { given: 'Axmed' },
    { given: 'Xasan' },
    { given: 'Cabdullaahi' },
    { given: 'Cumar' },
    { given: 'Yuusuf' },
    { given: 'Cabdiraxmaan' },
    { given: 'Mahad' },
    { given: 'Liibaan' },
    { given: 'Guuleed' },
    { given: 'Hodan' },
    { given: 'Faadumo' },
    { given: 'Aamina' },
    { given: 'Xaawo' },
    { given: 'Ayaan' },
    { given: 'Sahra' },
    { given: 'Khadiija' },
    { given: 'Caasha' },
    { given: 'Hibo' },
    { given: 'Ifrah' },
    { given: 'Ubah' },
    { given: 'Nimco' },
    { given: 'Sagal' },
    { given: 'Deeqa' },
    { given: 'Shukri' },
    { given: 'Filsan' },
  ],
  family: [
    { family: 'Warsame' },
    { family: 'Faarax' },
    { family: 'Jaamac' },
    { family: 'Maxamuud' },
    { family: 'Xuseen' },
    { family: 'Cismaan' },
    { family: 'Nuur' },
    { family: 'Aadan' },
    { family: 'Xirsi' },
    { family: 'Ducaale' },
    { family: 'Ismaaciil' },
    { family: 'Samatar' },
    { family: 'Mohamud' },
    { family: 'Abdi' },
    { family: "Ma'allin" },
  ],
};

// Sudanese Arabic. The second name is usually the father's name.
const sudan: NamePool = {
  country: 'SD',
  pattern: 'patronymic',
  singleNameShare: 0.02,
  given: [
    { given: 'محمد', givenLatin: 'Mohamed' },
    { given: 'أحمد', givenLatin: 'Ahmed' },
    { given: 'عثمان', givenLatin: 'Osman' },
    { given: 'الطيب', givenLatin: 'Eltayeb' },
    { given: 'عمر', givenLatin: 'Omer' },
    { given: 'حسن', givenLatin: 'Hassan' },
    { given: 'مصطفى', givenLatin: 'Mustafa' },
    { given: 'عبد الرحيم', givenLatin: 'Abdelrahim' },
    { given: 'مجدي', givenLatin: 'Magdi' },
    { given: 'معتز', givenLatin: "Mo'taz" },
    { given: 'أيمن', givenLatin: 'Ayman' },
    { given: 'خالد', givenLatin: 'Khalid' },
    { given: 'آمنة', givenLatin: 'Amna' },
    { given: 'فاطمة', givenLatin: 'Fatima' },
    { given: 'مريم', givenLatin: 'Mariam' },
    { given: 'سلمى', givenLatin: 'Salma' },
    { given: 'هبة', givenLatin: 'Hiba' },
    { given: 'رؤى', givenLatin: 'Roaa' },
    { given: 'إيمان', givenLatin: 'Eiman' },
    { given: 'أسماء', givenLatin: 'Asma' },
    { given: 'نسرين', givenLatin: 'Nesreen' },
    { given: 'تسنيم', givenLatin: 'Tasneem' },
    { given: 'ملاذ', givenLatin: 'Malaz' },
    { given: 'روان', givenLatin: 'Rawan' },
  ],
  family: [
    { family: 'الشيخ', familyLatin: 'Elsheikh' },
    { family: 'عبد الله', familyLatin: 'Abdalla' },
    { family: 'بابكر', familyLatin: 'Babiker' },
    { family: 'الأمين', familyLatin: 'Elamin' },
    { family: 'إدريس', familyLatin: 'Idris' },
    { family: 'آدم', familyLatin: 'Adam' },
    { family: 'موسى', familyLatin: 'Musa' },
    { family: 'يعقوب', familyLatin: 'Yagoub' },
    { family: 'النور', familyLatin: 'Elnour' },
    { family: 'حامد', familyLatin: 'Hamid' },
    { family: 'أبكر', familyLatin: 'Abakar' },
    { family: 'هارون', familyLatin: 'Haroun' },
    { family: 'محمد علي', familyLatin: 'Mohamed-Ali' },
  ],
};

// Names in the Latin alphabet: French Christian names, French and Swahili/Lingala "virtue"
// names, and family names from several Congolese languages.
const drCongo: NamePool = {
  country: 'CD',
  pattern: 'family',
  singleNameShare: 0.02,
  given: [
    { given: 'Jean-Pierre' },
    { given: 'Joseph' },
    { given: 'Patrick' },
    { given: 'Christian' },
    { given: 'Emmanuel' },
    { given: 'Fiston' },
    { given: 'Gloire' },
    { given: 'Merveille' },
    { given: 'Dieudonné' },
    { given: 'Héritier' },
    { given: 'Espoir' },
    { given: 'Bienvenu' },
    { given: 'Grâce' },
    { given: 'Chance' },
    { given: 'Furaha' },
    { given: 'Neema' },
    { given: 'Amani' },
    { given: 'Baraka' },
    { given: 'Rehema' },
    { given: 'Espérance' },
    { given: 'Nadège' },
    { given: 'Clarisse' },
    { given: 'Divine' },
    { given: 'Béatrice' },
    { given: 'Marie-Claire' },
    { given: 'Francine' },
    { given: 'Mapendo' },
    { given: 'Zawadi' },
  ],
  family: [
    { family: 'Mukendi' },
    { family: 'Tshibanda' },
    { family: 'Ilunga' },
    { family: 'Kabongo' },
    { family: 'Mbuyi' },
    { family: 'Kalonji' },
    { family: 'Mutombo' },
    { family: 'Kasongo' },
    { family: 'Ngoy' },
    { family: 'Mwamba' },
    { family: 'Banza' },
    { family: 'Nsimba' },
    { family: "N'Goma" },
    { family: 'Kasereka' },
    { family: 'Kambale' },
    { family: 'Paluku' },
    { family: 'Muhindo' },
    { family: 'Bahati' },
    { family: 'Byamungu' },
    { family: 'Mumbere' },
  ],
};

// Burmese names in Myanmar script have no family name; the whole name is one unit, written
// without spaces in Burmese and with spaces between syllables in Latin. Karen (S'gaw) and Chin
// names are usually recorded in Latin letters only; "Saw" and "Naw" are Karen honorific
// prefixes that are part of the name as registered.
const myanmar: NamePool = {
  country: 'MM',
  pattern: 'single',
  singleNameShare: 1,
  given: [
    { given: 'အောင်ကျော်မိုး', givenLatin: 'Aung Kyaw Moe' },
    { given: 'မင်းထွန်း', givenLatin: 'Min Htun' },
    { given: 'ဇော်ဝင်း', givenLatin: 'Zaw Win' },
    { given: 'သန့်ဇင်', givenLatin: 'Thant Zin' },
    { given: 'ဝင်းမြင့်', givenLatin: 'Win Myint' },
    { given: 'လှမြင့်', givenLatin: 'Hla Myint' },
    { given: 'ခင်မာ', givenLatin: 'Khin Mar' },
    { given: 'မြမြ', givenLatin: 'Mya Mya' },
    { given: 'စုစု', givenLatin: 'Su Su' },
    { given: 'အေးအေး', givenLatin: 'Aye Aye' },
    { given: 'နုနု', givenLatin: 'Nu Nu' },
    { given: 'ခင်ဆွေ', givenLatin: 'Khin Swe' },
    { given: 'မိုးမိုး', givenLatin: 'Moe Moe' },
    { given: 'ဖြူဖြူ', givenLatin: 'Phyu Phyu' },
    { given: 'Saw Eh Htoo' },
    { given: 'Saw Ler Wah' },
    { given: 'Saw Hser Nay' },
    { given: 'Naw Paw Wah' },
    { given: 'Naw Hser Paw' },
    { given: 'Naw Mu Mu' },
    { given: 'Eh Kler' },
    { given: 'Ku Paw' },
    { given: 'Biak Thang' },
    { given: 'Van Lal' },
    { given: 'Cung Hlei' },
    { given: 'Par Lian' },
    { given: 'Ngun Hlei' },
    { given: 'Cing Sian' },
  ],
  family: [],
};

export const namePools: readonly NamePool[] = [syria, eritrea, afghanistan, ukraine, somalia, sudan, drCongo, myanmar];

export function namePoolFor(country: string): NamePool | undefined {
  return namePools.find((p) => p.country === country);
}

// Norwegian names for synthetic municipal staff (SSB's lists of the most common given names
// and surnames). Staff are fictional; the email domain is under the reserved .example TLD.
// prettier-ignore
export const norwegianGivenNames: readonly string[] = [
  'Anne', 'Inger', 'Kari', 'Marit', 'Ingrid', 'Liv', 'Eva', 'Berit', 'Astrid', 'Hilde',
  'Nora', 'Emma', 'Sara', 'Ida', 'Silje', 'Camilla', 'Marte', 'Ragnhild', 'Solveig', 'Åse',
  'Jan', 'Per', 'Bjørn', 'Ole', 'Lars', 'Kjell', 'Knut', 'Arne', 'Svein', 'Hans',
  'Thomas', 'Martin', 'Jonas', 'Magnus', 'Håkon', 'Eirik', 'Øystein', 'Sindre', 'Amir', 'Ahmed',
];

// prettier-ignore
export const norwegianFamilyNames: readonly string[] = [
  'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen',
  'Jensen', 'Karlsen', 'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen',
  'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl', 'Jørgensen', 'Halvorsen', 'Lund', 'Sørensen',
  'Solberg', 'Bakken', 'Strand', 'Moen', 'Aas', 'Lie', 'Ødegård', 'Sæther', 'Ali', 'Khan',
];
