import { randomUUID } from 'node:crypto';
import { sql, type Insertable, type Kysely } from 'kysely';
import { isMinorOn, validateBirthDate, type BirthDatePrecision } from '../shared/domain/birth-date';
import { addDays, daysBetween, type CalendarDate } from '../shared/domain/calendar-date';
import { generateDufNumber } from '../shared/domain/duf';
import { validateMembers, type Relation } from '../shared/domain/household-composition';
import { generateSyntheticIdentityNumber } from '../shared/domain/identity';
import { validateIdentityNumberForRegistration } from '../shared/domain/identity-rules';
import { nameSearchKey, validateName, validateTransliteration } from '../shared/domain/person-names';
import { validateSettlementDate, type PipelineState } from '../shared/domain/pipeline';
import type { ContactRole } from '../shared/api/households';
import type { RefugeeCategory } from '../shared/intake/imdi-intake';
import { createRng } from '../shared/synthetic/rng';
import type { DB } from './db/schema';
import { withTenant, type Tx } from './db/tenant';
import { syncMoveInChecklist } from './modules/checklist/checklist.usecases';
import { setDwellingStatus } from './modules/dwellings/dwelling-status';
import { nextHouseholdReference } from './modules/households/household-reference';

// Demo households for the settlement pipeline (issue 5): ~25 synthetic households of the demo
// municipality (Molde) in every pipeline state and refugee category, with names as their members
// write them (Arabic, Ge'ez for Tigrinya, Ukrainian Cyrillic, Dari in Perso-Arabic script, Somali in
// Latin) and Latin transliterations, permit dates relative to `today` (so some households are
// overdue: 6 months for adults, 3 for unaccompanied minors, or an agreed target), EMs with
// guardians, contacts for arriving and settled households, the pipeline history with its actors,
// reserved dwellings taken from the housing seed, settlement targets for this year's quarters and
// the municipality's settlement settings.
//
// Rows go in directly (not through the API), in ONE transaction under row-level security, and are
// checked on the way with the same pure rules the API uses (names, birth dates, identity numbers,
// members, a guardian for a minor main person, settlement not before arrival). A municipality that
// already has households is left alone (idempotent). Everything is invented: names are common
// names combined at random, identity numbers are Tenor test numbers (month + 80), DUF numbers are
// generated with valid control digits, phone numbers are in the made-up 400 0x xxx block and e-mail
// addresses under example domains.

export const HOUSEHOLDS_SEED = 2027;

export type SeedHouseholdsResult = {
  created: boolean;
  counts: { households: number; persons: number; events: number; contacts: number; reserved: number };
};

type PersonSpec = {
  name: string;
  latin?: string;
  /** Age in whole years today, with month-day; or an explicit ISO date for jan1/year precision. */
  age: number;
  md?: string;
  precision?: BirthDatePrecision;
  relation: Relation;
  nationality: string;
  languages: { code: string; interpreter?: boolean; letters?: boolean }[];
};

type HouseholdSpec = {
  category: RefugeeCategory;
  state: PipelineState;
  /** Days between the residence permit and today. */
  permitAgo: number;
  /** Days between IMDi's proposal and today. */
  proposedAgo: number;
  receptionCentre?: string;
  persons: PersonSpec[];
  guardian?: { name: string; phone: string; email: string };
  /** Settled households: days since arrival and settlement (same day). Ready: days until arrival. */
  arrivalIn?: number;
  settledAgo?: number;
  /** moved_on / moved_away / declined / withdrawn: days since the household left the flow. */
  leftAgo?: number;
  reason?: string;
  agreedTargetDays?: number;
  sharedHousing?: boolean;
  accessibility?: 'none' | 'step_free' | 'wheelchair';
  nearSchool?: boolean;
  nearKindergarten?: boolean;
  reunification?: { adults: number; children: number; inDays: number };
  incomeSources?: string[];
  special?: {
    category: 'health' | 'functional_needs';
    details: string;
    legalBasis: 'integration_act' | 'consent';
    source: 'staff' | 'imdi_intake';
  };
};

const MOTTAK = 'Fjellro asylmottak';
const EM_CENTRE = 'Fjellro omsorgssenter for enslige mindreårige';
const ar = (letters = true, interpreter = true) => ({ code: 'ar', interpreter, letters });
const ti = (letters = true, interpreter = true) => ({ code: 'ti', interpreter, letters });
const uk = (letters = true, interpreter = false) => ({ code: 'uk', interpreter, letters });
const prs = (letters = true, interpreter = true) => ({ code: 'prs', interpreter, letters });
const so = (letters = true, interpreter = true) => ({ code: 'so', interpreter, letters });
const en = { code: 'en', interpreter: false, letters: false };
const nb = { code: 'nb', interpreter: false, letters: false };

/**
 * A member: relation, name as written, Latin transliteration (null when the name is Latin), birth
 * as `<age today>/<MM-DD>` (exact), `<age>/jan1` (UDI's 01.01 convention) or `<age>/year`.
 */
function person(
  relation: Relation,
  name: string,
  latin: string | null,
  birth: string,
  nationality: string,
  languages: PersonSpec['languages'],
): PersonSpec {
  const [age, rest] = birth.split('/') as [string, string];
  const precision: BirthDatePrecision = rest === 'jan1' ? 'jan1_convention' : rest === 'year' ? 'year' : 'exact';
  return {
    name,
    ...(latin ? { latin } : {}),
    age: Number(age),
    ...(precision === 'exact' ? { md: rest } : { precision }),
    relation,
    nationality,
    languages,
  };
}

/** The demo households. Ages are relative to today, so minors stay minors whatever the date. */
export const DEMO_HOUSEHOLDS: readonly HouseholdSpec[] = [
  // ---- proposed
  {
    category: 'resettlement_refugee',
    state: 'proposed',
    permitAgo: 40,
    proposedAgo: 12,
    accessibility: 'wheelchair',
    nearSchool: true,
    special: {
      category: 'functional_needs',
      details:
        'Kartlegging fra IMDi: yngste barn bruker rullestol og trenger trinnfri bolig med plass til hjelpemidler.',
      legalBasis: 'integration_act',
      source: 'imdi_intake',
    },
    persons: [
      person('main', 'خالد الحسن', 'Khaled Al-Hassan', '44/03-14', 'SYR', [ar(), en]),
      person('spouse', 'هبة الزين', 'Hiba Al-Zein', '39/jan1', 'SYR', [ar()]),
      person('child', 'سارة الحسن', 'Sara Al-Hassan', '16/09-02', 'SYR', [ar(false, false), en]),
      person('child', 'محمد الحسن', 'Mohammad Al-Hassan', '13/05-21', 'SYR', [ar(false, false)]),
      person('child', 'نور الحسن', 'Nour Al-Hassan', '9/12-01', 'SYR', [ar(false, false)]),
      person('child', 'آدم الحسن', 'Adam Al-Hassan', '5/year', 'SYR', [ar(false, false)]),
    ],
  },
  {
    category: 'from_reception_centre',
    state: 'proposed',
    permitAgo: 205, // over 6 months: overdue
    proposedAgo: 30,
    receptionCentre: MOTTAK,
    persons: [person('main', 'ሃብቶም ተኽለ', 'Habtom Tekle', '27/jan1', 'ERI', [ti(), en])],
  },
  {
    category: 'unaccompanied_minor',
    state: 'proposed',
    permitAgo: 100, // over 3 months: an EM is overdue
    proposedAgo: 20,
    receptionCentre: EM_CENTRE,
    guardian: { name: 'Ingrid Solheim', phone: '400 07 301', email: 'ingrid.solheim@verge.example' },
    persons: [person('main', 'مصطفی احمدی', 'Mustafa Ahmadi', '16/year', 'AFG', [prs()])],
  },
  {
    category: 'family_reunification',
    state: 'proposed',
    permitAgo: 20,
    proposedAgo: 6,
    persons: [
      person('main', 'Hodan Cabdi Warsame', null, '31/jan1', 'SOM', [so()]),
      person('child', 'Maryan Axmed', null, '8/04-10', 'SOM', [so(false, false)]),
      person('child', 'Cali Axmed', null, '4/11-30', 'SOM', [so(false, false)]),
    ],
  },
  {
    category: 'from_reception_centre',
    state: 'proposed',
    permitAgo: 60,
    proposedAgo: 10,
    receptionCentre: MOTTAK,
    persons: [
      person('main', 'Микола Шевчук', 'Mykola Shevchuk', '67/02-11', 'UKR', [
        uk(),
        { code: 'ru', interpreter: false, letters: false },
      ]),
      person('spouse', 'Галина Шевчук', 'Halyna Shevchuk', '64/07-07', 'UKR', [uk()]),
      person('child', "Дар'я Шевчук", 'Daria Shevchuk', '35/10-19', 'UKR', [uk(), en]),
    ],
  },
  // ---- accepted
  {
    category: 'from_reception_centre',
    state: 'accepted',
    permitAgo: 120,
    proposedAgo: 50,
    receptionCentre: MOTTAK,
    nearKindergarten: true,
    persons: [
      person('main', 'Оксана Бондаренко', 'Oksana Bondarenko', '34/06-06', 'UKR', [uk(), en]),
      person('child', 'Софія Бондаренко', 'Sofiia Bondarenko', '10/01-25', 'UKR', [uk(false)]),
      person('child', 'Максим Бондаренко', 'Maksym Bondarenko', '3/08-14', 'UKR', [uk(false)]),
    ],
  },
  {
    category: 'resettlement_refugee',
    state: 'accepted',
    permitAgo: 150,
    proposedAgo: 70,
    nearSchool: true,
    persons: [
      person('main', 'عبد الله آدم', 'Abdalla Adam', '46/jan1', 'SDN', [ar()]),
      person('spouse', 'فاطمة إبراهيم', 'Fatima Ibrahim', '40/jan1', 'SDN', [ar()]),
      person('child', 'إسحاق عبد الله', 'Ishaq Abdalla', '19/jan1', 'SDN', [ar(false, false), en]),
      person('child', 'مريم عبد الله', 'Mariam Abdalla', '17/03-03', 'SDN', [ar(false, false)]),
      person('child', 'يحيى عبد الله', 'Yahya Abdalla', '14/07-19', 'SDN', [ar(false, false)]),
      person('child', 'آمنة عبد الله', 'Amna Abdalla', '11/10-02', 'SDN', [ar(false, false)]),
      person('child', 'زينب عبد الله', 'Zainab Abdalla', '7/12-24', 'SDN', [ar(false, false)]),
      person('child', 'عيسى عبد الله', 'Isa Abdalla', '2/year', 'SDN', [ar(false, false)]),
    ],
  },
  {
    category: 'unaccompanied_minor',
    state: 'accepted',
    permitAgo: 45,
    proposedAgo: 25,
    receptionCentre: EM_CENTRE,
    guardian: { name: 'Lars Øvrebø', phone: '400 07 302', email: 'lars.ovrebo@verge.example' },
    persons: [person('main', 'ሉላ ገብረሂወት', 'Lula Gebrehiwet', '15/05-05', 'ERI', [ti()])],
  },
  {
    category: 'self_settled_by_agreement',
    state: 'accepted',
    permitAgo: 30,
    proposedAgo: 14,
    persons: [
      person('main', 'فرید نوری', 'Farid Noori', '29/09-09', 'AFG', [prs(), en]),
      person('spouse', 'مریم صدیقی', 'Maryam Sediqi', '26/04-17', 'AFG', [prs()]),
    ],
  },
  {
    category: 'from_reception_centre',
    state: 'accepted',
    permitAgo: 75, // past the agreed 60 days
    proposedAgo: 40,
    receptionCentre: MOTTAK,
    agreedTargetDays: 60,
    persons: [
      person('main', 'Cabdiraxmaan Yuusuf', null, '38/jan1', 'SOM', [so()]),
      person('spouse', 'Sahra Xuseen', null, '33/jan1', 'SOM', [so()]),
    ],
  },
  // ---- dwelling_reserved
  {
    category: 'from_reception_centre',
    state: 'dwelling_reserved',
    permitAgo: 150,
    proposedAgo: 90,
    receptionCentre: MOTTAK,
    persons: [
      person('main', 'يوسف القاسم', 'Yousef Al-Qasem', '31/01-30', 'SYR', [ar(), en]),
      person('spouse', 'لينا العلي', 'Lina Al-Ali', '28/06-15', 'SYR', [ar()]),
      person('child', 'جود القاسم', 'Joud Al-Qasem', '1/02-02', 'SYR', []),
    ],
  },
  {
    category: 'family_reunification',
    state: 'dwelling_reserved',
    permitAgo: 90,
    proposedAgo: 60,
    reunification: { adults: 1, children: 0, inDays: 120 },
    persons: [
      person('main', 'ሰናይት ዮውሃንስ', 'Senait Yohannes', '36/jan1', 'ERI', [ti()]),
      person('child', 'ዮናስ ኪዳነ', 'Yonas Kidane', '12/03-23', 'ERI', [ti(false, false)]),
      person('child', 'ሄለን ኪዳነ', 'Helen Kidane', '9/08-08', 'ERI', [ti(false, false)]),
      person('child', 'ሚካኤል ኪዳነ', 'Mikael Kidane', '6/year', 'ERI', [ti(false, false)]),
    ],
  },
  {
    category: 'resettlement_refugee',
    state: 'dwelling_reserved',
    permitAgo: 190, // overdue
    proposedAgo: 110,
    accessibility: 'wheelchair',
    special: {
      category: 'functional_needs',
      details: 'Bruker rullestol; trenger trinnfri bolig på bakkeplan eller med heis, og tilrettelagt bad.',
      legalBasis: 'integration_act',
      source: 'staff',
    },
    persons: [person('main', 'Axmed Maxamuud Faarax', null, '52/jan1', 'SOM', [so(), ar(false, false)])],
  },
  // ---- ready_to_move_in
  {
    category: 'from_reception_centre',
    state: 'ready_to_move_in',
    permitAgo: 100,
    proposedAgo: 70,
    receptionCentre: MOTTAK,
    arrivalIn: 5,
    persons: [person('main', 'Тарас Мельник', 'Taras Melnyk', '41/11-11', 'UKR', [uk(), en])],
  },
  {
    category: 'unaccompanied_minor',
    state: 'ready_to_move_in',
    permitAgo: 80,
    proposedAgo: 60,
    receptionCentre: EM_CENTRE,
    arrivalIn: 3,
    sharedHousing: true,
    guardian: { name: 'Hanne Brekke', phone: '400 07 303', email: 'hanne.brekke@verge.example' },
    persons: [person('main', 'عارف حیدری', 'Aref Haidari', '17/year', 'AFG', [prs()])],
  },
  {
    category: 'resettlement_refugee',
    state: 'ready_to_move_in',
    permitAgo: 120,
    proposedAgo: 95,
    arrivalIn: 9,
    persons: [
      person('main', 'عمر الشامي', 'Omar Al-Shami', '37/04-04', 'SYR', [ar()]),
      person('spouse', 'ريم الشامي', 'Reem Al-Shami', '35/09-27', 'SYR', [ar()]),
      person('child', 'كريم الشامي', 'Karim Al-Shami', '10/02-14', 'SYR', [ar(false, false)]),
      person('child', 'ياسمين الشامي', 'Yasmin Al-Shami', '6/06-30', 'SYR', [ar(false, false)]),
    ],
  },
  // ---- settled
  {
    category: 'from_reception_centre',
    state: 'settled',
    permitAgo: 150,
    proposedAgo: 110,
    receptionCentre: MOTTAK,
    settledAgo: 20,
    incomeSources: ['introduction_benefit'],
    persons: [
      person('main', 'ዳኒኤል ሃይለ', 'Daniel Haile', '30/07-01', 'ERI', [ti(), en]),
      person('spouse', 'ኤልሳ ብርሃነ', 'Elsa Berhane', '27/12-12', 'ERI', [ti()]),
    ],
  },
  {
    category: 'resettlement_refugee',
    state: 'settled',
    permitAgo: 90,
    proposedAgo: 70,
    settledAgo: 6,
    nearSchool: true,
    incomeSources: ['introduction_benefit', 'child_benefit'],
    special: {
      category: 'health',
      details:
        'Barn 2 har diabetes type 1 og trenger kjøleskap til insulin fra første dag; fastlege må avklares raskt.',
      legalBasis: 'consent',
      source: 'staff',
    },
    persons: [
      person('main', 'حسن الدرويش', 'Hasan Al-Darwish', '42/08-18', 'SYR', [ar(), en]),
      person('spouse', 'سلمى الدرويش', 'Salma Al-Darwish', '38/01-09', 'SYR', [ar()]),
      person('child', 'ليلى الدرويش', 'Layla Al-Darwish', '15/10-10', 'SYR', [ar(false, false), en]),
      person('child', 'سامي الدرويش', 'Sami Al-Darwish', '11/05-05', 'SYR', [ar(false, false)]),
      person('child', 'هدى الدرويش', 'Huda Al-Darwish', '4/03-17', 'SYR', [ar(false, false)]),
    ],
  },
  {
    category: 'unaccompanied_minor',
    state: 'settled',
    permitAgo: 260,
    proposedAgo: 240,
    receptionCentre: EM_CENTRE,
    settledAgo: 200,
    sharedHousing: true,
    guardian: { name: 'Per Ivar Gjerde', phone: '400 07 304', email: 'per.ivar.gjerde@verge.example' },
    persons: [person('main', 'Maxamed Cabdullaahi', null, '17/06-01', 'SOM', [so(), nb])],
  },
  {
    category: 'family_reunification',
    state: 'settled',
    permitAgo: 160,
    proposedAgo: 140,
    settledAgo: 100,
    incomeSources: ['wages', 'child_benefit'],
    persons: [
      person('main', 'Наталія Ткаченко', 'Nataliia Tkachenko', '58/04-22', 'UKR', [uk()]),
      person('child', 'Ірина Ткаченко', 'Iryna Tkachenko', '33/09-15', 'UKR', [uk(), en]),
      person('grandchild', 'Богдан Ткаченко', 'Bohdan Tkachenko', '6/02-28', 'UKR', [uk(false)]),
    ],
  },
  {
    category: 'self_settled_by_agreement',
    state: 'settled',
    permitAgo: 120,
    proposedAgo: 90,
    settledAgo: 50,
    incomeSources: ['introduction_benefit'],
    persons: [person('main', 'زهرا رحیمی', 'Zahra Rahimi', '24/03-08', 'AFG', [prs(), en])],
  },
  // ---- moved_on / moved_away
  {
    category: 'from_reception_centre',
    state: 'moved_on',
    permitAgo: 560,
    proposedAgo: 520,
    receptionCentre: MOTTAK,
    settledAgo: 430,
    leftAgo: 30,
    incomeSources: ['wages'],
    persons: [
      person('main', 'Faadumo Xasan', null, '45/jan1', 'SOM', [so()]),
      person('child', 'Ayaan Xasan', null, '20/jan1', 'SOM', [so(false, false), nb]),
      person('child', 'Ismaaciil Xasan', null, '16/10-21', 'SOM', [so(false, false), nb]),
    ],
  },
  {
    category: 'resettlement_refugee',
    state: 'moved_away',
    permitAgo: 420,
    proposedAgo: 390,
    settledAgo: 300,
    leftAgo: 60,
    persons: [person('main', 'مازن الخوري', 'Mazen Al-Khoury', '33/11-03', 'SYR', [ar(), en])],
  },
  // ---- declined / withdrawn
  {
    category: 'from_reception_centre',
    state: 'declined',
    permitAgo: 140,
    proposedAgo: 90,
    receptionCentre: MOTTAK,
    leftAgo: 80,
    reason: 'Kommunen har ikke egnet bolig for husstanden innen fristen; IMDi er informert.',
    persons: [person('main', 'ተስፋይ ወልደማርያም', 'Tesfay Woldemariam', '48/jan1', 'ERI', [ti()])],
  },
  {
    category: 'unaccompanied_minor',
    state: 'withdrawn',
    permitAgo: 110,
    proposedAgo: 80,
    receptionCentre: EM_CENTRE,
    leftAgo: 40,
    reason: 'IMDi trakk forslaget: bosettes hos slekt i en annen kommune.',
    guardian: { name: 'Marit Halvorsen', phone: '400 07 305', email: 'marit.halvorsen@verge.example' },
    persons: [person('main', 'رضا محمدی', 'Reza Mohammadi', '16/01-17', 'AFG', [prs()])],
  },
];

/** The path through the pipeline to each state (the first event has no from-state). */
const PATHS: Record<PipelineState, readonly PipelineState[]> = {
  proposed: ['proposed'],
  accepted: ['proposed', 'accepted'],
  dwelling_reserved: ['proposed', 'accepted', 'dwelling_reserved'],
  ready_to_move_in: ['proposed', 'accepted', 'dwelling_reserved', 'ready_to_move_in'],
  settled: ['proposed', 'accepted', 'dwelling_reserved', 'ready_to_move_in', 'settled'],
  moved_on: ['proposed', 'accepted', 'dwelling_reserved', 'ready_to_move_in', 'settled', 'moved_on'],
  moved_away: ['proposed', 'accepted', 'dwelling_reserved', 'ready_to_move_in', 'settled', 'moved_away'],
  declined: ['proposed', 'declined'],
  withdrawn: ['proposed', 'accepted', 'withdrawn'],
};

const HOLDS_DWELLING: readonly PipelineState[] = ['dwelling_reserved', 'ready_to_move_in'];

/** Quarterly settlement targets for the current year (persons), until the planning module sets them. */
export const DEMO_QUARTER_TARGETS = [8, 10, 12, 10] as const;
export const DEMO_EMERGENCY_PHONE = '400 09 110';

function invalid(what: string): never {
  throw new Error(`seedHouseholds: invalid demo data (${what})`);
}

function birthOf(p: PersonSpec, today: CalendarDate): { date: string; precision: BirthDatePrecision } {
  const year = Number(today.slice(0, 4)) - p.age;
  const precision = p.precision ?? 'exact';
  if (precision === 'exact') {
    // Whole years today: a birthday later in the year than today means one more year back.
    const md = p.md ?? invalid('exact birth date without month-day');
    const date = `${md <= today.slice(5) ? year : year - 1}-${md}`;
    return { date, precision };
  }
  // UDI's 01.01 convention, or the year only (stored as 1 January).
  return { date: precision === 'year' ? String(year) : `${year}-01-01`, precision };
}

/**
 * The effective dates of a path's steps: the proposal first; the steps up to settlement (or up to
 * the last step) spread evenly until then; moving on or away on the day the household left.
 */
function stepDates(
  path: readonly PipelineState[],
  {
    proposedOn,
    settledOn,
    leftOn,
    lastOn,
  }: { proposedOn: CalendarDate; settledOn: CalendarDate | null; leftOn: CalendarDate | null; lastOn: CalendarDate },
): CalendarDate[] {
  const settledIndex = path.indexOf('settled');
  const endIndex = settledIndex >= 0 ? settledIndex : path.length - 1;
  const endOn = settledIndex >= 0 && settledOn ? settledOn : (leftOn ?? lastOn);
  const span = daysBetween({ from: proposedOn, to: endOn });
  return path.map((_, i) =>
    i === 0
      ? proposedOn
      : i <= endIndex
        ? addDays({ date: proposedOn, days: Math.floor((span * i) / endIndex) })
        : (leftOn ?? endOn),
  );
}

/**
 * Seeds the demo households of one municipality unless it has households already. Runs after the
 * housing seed (reserved households take ready or vacant dwellings from it; with too few, the
 * remaining would-be reserved households stay accepted).
 */
export async function seedHouseholds({
  db,
  tenantId,
  today,
  seed = HOUSEHOLDS_SEED,
}: {
  db: Kysely<DB>;
  tenantId: string;
  today: CalendarDate;
  seed?: number;
}): Promise<SeedHouseholdsResult> {
  return withTenant(db, { tenantId }, async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`seed-households:${tenantId}`}))`.execute(trx);
    const existing = await trx.selectFrom('app.household').select('id').limit(1).executeTakeFirst();
    if (existing) return { created: false, counts: { households: 0, persons: 0, events: 0, contacts: 0, reserved: 0 } };
    return insertDemoHouseholds(trx, { tenantId, today, seed });
  });
}

type Staff = { id: string; display_name: string; email: string; roles: string[] };

async function insertDemoHouseholds(
  trx: Tx,
  { tenantId, today, seed }: { tenantId: string; today: CalendarDate; seed: number },
): Promise<SeedHouseholdsResult> {
  const rng = createRng(seed);
  const units = await trx.selectFrom('app.unit').select(['id', 'kind']).orderBy('created_at').orderBy('id').execute();
  const unitId = (units.find((u) => u.kind === 'flyktningtjeneste') ?? units[0] ?? invalid('no unit')).id;
  const staff: Staff[] = await trx
    .selectFrom('app.staff_user')
    .select(['id', 'display_name', 'email', 'roles'])
    .where('active', '=', true)
    .orderBy('email')
    .execute();
  const withRole = (role: string) => staff.filter((s) => s.roles.includes(role));
  const settlers = withRole('bosetter');
  const actors = settlers.length > 0 ? settlers : staff;
  if (actors.length === 0) invalid('no staff to act');
  const navAdviser = withRole('nav_veileder')[0];
  const onSite = withRole('miljoarbeider')[0];
  const housingOffice = withRole('boligkontor')[0];

  // Dwellings to reserve: ready or vacant, with no occupancy lease running or waiting.
  const reservable = await trx
    .selectFrom('app.dwelling as d')
    .select(['d.id', 'd.status_since', 'd.bedrooms'])
    .where('d.status', 'in', ['ready', 'vacant'])
    .where('d.type', '<>', 'shared_housing')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('app.lease as l')
            .select('l.id')
            .whereRef('l.dwelling_id', '=', 'd.id')
            .where('l.layer', '=', 'occupancy')
            .where('l.state', 'in', ['active', 'notice_given']),
        ),
      ),
    )
    .orderBy('d.reference')
    .execute();

  // Numbers not already held in this municipality (the housing seed's tenants have Tenor numbers too).
  const taken = new Set(
    (await trx.selectFrom('app.person').select(['identity_number', 'duf_number']).execute()).flatMap((p) =>
      [p.identity_number, p.duf_number].filter((n): n is string => n !== null),
    ),
  );
  const fresh = (make: () => string) => {
    for (;;) {
      const n = make();
      if (!taken.has(n)) {
        taken.add(n);
        return n;
      }
    }
  };

  const counts = { households: 0, persons: 0, events: 0, contacts: 0, reserved: 0 };
  const settings = { emergencyPhone: DEMO_EMERGENCY_PHONE };
  await trx
    .insertInto('app.settlement_settings')
    .values({ tenant_id: tenantId, agreed_target_days: null, emergency_phone: settings.emergencyPhone })
    .onConflict((oc) => oc.column('tenant_id').doNothing())
    .execute();
  const year = Number(today.slice(0, 4));
  await trx
    .insertInto('app.settlement_target')
    .values(
      DEMO_QUARTER_TARGETS.map((target, i) => ({
        tenant_id: tenantId,
        year,
        quarter: i + 1,
        target,
        set_by: actors[0]!.id,
      })),
    )
    .onConflict((oc) => oc.columns(['tenant_id', 'year', 'quarter']).doNothing())
    .execute();

  // Rows are collected and written in one multi-row INSERT per table (ids made here), so the seed
  // stays fast on PGlite; the dwelling reservations and checklists follow per household.
  const rows = {
    households: [] as Insertable<DB['app.household']>[],
    persons: [] as Insertable<DB['app.person']>[],
    languages: [] as Insertable<DB['app.person_language']>[],
    identityEvents: [] as Insertable<DB['app.person_identity_event']>[],
    members: [] as Insertable<DB['app.household_member']>[],
    special: [] as Insertable<DB['app.special_category_record']>[],
    events: [] as Insertable<DB['app.pipeline_event']>[],
    contacts: [] as Insertable<DB['app.household_contact']>[],
  };
  const reservations: { dwellingId: string; validFrom: CalendarDate; userId: string; note: string }[] = [];
  const arrivals: { householdId: string; actorUserId: string }[] = [];
  // References: the next free number of each year is drawn once (under the reference lock, held
  // until this transaction ends), then counted on.
  const lastNumber = new Map<number, number>();
  const referenceFor = async (year: number) => {
    const last = lastNumber.get(year);
    const n = last === undefined ? Number((await nextHouseholdReference(trx, { tenantId, year })).slice(-4)) : last + 1;
    lastNumber.set(year, n);
    return `H-${year}-${String(n).padStart(4, '0')}`;
  };

  let dwellingIndex = 0;
  for (const [index, spec] of DEMO_HOUSEHOLDS.entries()) {
    const actor = actors[index % actors.length]!;
    let state = spec.state;
    let dwelling: (typeof reservable)[number] | null = null;
    if (HOLDS_DWELLING.includes(state)) {
      dwelling = reservable[dwellingIndex++] ?? null;
      if (!dwelling) state = 'accepted';
    }
    const proposedOn = addDays({ date: today, days: -spec.proposedAgo });
    const permitDate = addDays({ date: today, days: -spec.permitAgo });
    const settledOn = spec.settledAgo !== undefined ? addDays({ date: today, days: -spec.settledAgo }) : null;
    // An arriving household has its (planned) arrival date; one that could not get a dwelling has none yet.
    const arrivalDate =
      settledOn ??
      (spec.arrivalIn !== undefined && state === 'ready_to_move_in'
        ? addDays({ date: today, days: spec.arrivalIn })
        : null);
    const leftOn = spec.leftAgo !== undefined ? addDays({ date: today, days: -spec.leftAgo }) : null;
    if (permitDate > proposedOn) invalid('permit after proposal');

    // The persons, checked with the API's rules.
    const persons = spec.persons.map((p) => {
      const name = validateName(p.name);
      if (!name.ok) invalid(`name ${name.reason}`);
      const latin = p.latin ? validateTransliteration(p.latin) : null;
      if (latin && !latin.ok) invalid(`transliteration ${latin.reason}`);
      const b = birthOf(p, today);
      const birth = validateBirthDate({ date: b.date, precision: b.precision, today });
      if (!birth.ok) invalid(`birth date ${birth.reason}`);
      // Settled persons have a national identity number; persons further back a D-number or none.
      const settled = settledOn !== null;
      const kind = settled ? 'fnr' : 'dnr';
      const hasNumber =
        birth.value.precision !== 'year' && (settled || (HOLDS_DWELLING.includes(state) && p.age >= 18));
      const identityNumber = hasNumber
        ? fresh(() => generateSyntheticIdentityNumber({ rng, birthDate: birth.value.date, kind, scheme: 'tenor' }))
        : null;
      if (identityNumber) {
        const check = validateIdentityNumberForRegistration(identityNumber, { environment: 'development' });
        if (!check.ok) invalid(`identity number ${check.reason}`);
      }
      const dufYear = Math.max(2016, Number(permitDate.slice(0, 4)) - 1);
      const dufNumber = p.age < 2 ? null : fresh(() => generateDufNumber({ rng, year: dufYear }));
      return {
        spec: p,
        fullName: name.value,
        transliteration: latin?.ok ? latin.value : null,
        birth: birth.value,
        identityNumber,
        dufNumber,
      };
    });
    const members = validateMembers(persons.map((p) => ({ relation: p.spec.relation, birthDate: p.birth })));
    if (!members.ok) invalid(`members ${members.reason}`);
    const main = persons.find((p) => p.spec.relation === 'main')!;
    if (isMinorOn(main.birth, today) && !spec.guardian) invalid('minor main person without a guardian');
    if (settledOn) {
      const verdict = validateSettlementDate({ settlementDate: settledOn, arrivalDate, permitDate });
      if (!verdict.ok) invalid(`settlement date ${verdict.reason}`);
    }

    const reference = await referenceFor(Number(proposedOn.slice(0, 4)));
    const path = PATHS[state];
    const dates = stepDates(path, {
      proposedOn,
      settledOn,
      leftOn,
      lastOn: addDays({ date: today, days: -Math.min(3, spec.proposedAgo) }),
    });
    const reservedOn = dwelling ? dates[path.indexOf('dwelling_reserved')]! : null;
    const reservedFrom =
      dwelling && reservedOn ? (reservedOn < dwelling.status_since ? dwelling.status_since : reservedOn) : null;

    const household = { id: randomUUID() };
    rows.households.push({
      id: household.id,
      tenant_id: tenantId,
      reference,
      imdi_case_id: `IMDI-${proposedOn.slice(0, 4)}-9${String(100 + index).padStart(5, '0')}`,
      category: spec.category,
      responsible_unit_id: unitId,
      pipeline_state: state,
      state_changed_at: new Date(`${dates[dates.length - 1]}T09:00:00Z`),
      proposed_on: proposedOn,
      residence_permit_date: permitDate,
      reception_centre: spec.receptionCentre ?? null,
      agreed_target_days: spec.agreedTargetDays ?? null,
      planned_arrival_date: spec.arrivalIn !== undefined ? arrivalDate : null,
      arrival_date: arrivalDate,
      settlement_date: settledOn,
      reserved_dwelling_id: dwelling && HOLDS_DWELLING.includes(state) ? dwelling.id : null,
      shared_housing: spec.sharedHousing ?? false,
      guardian_name: spec.guardian?.name ?? null,
      guardian_phone: spec.guardian?.phone ?? '',
      guardian_email: spec.guardian?.email ?? '',
      guardian_appointed_on: spec.guardian ? addDays({ date: permitDate, days: 7 }) : null,
      reunification_adults: spec.reunification?.adults ?? 0,
      reunification_children: spec.reunification?.children ?? 0,
      reunification_expected_on: spec.reunification ? addDays({ date: today, days: spec.reunification.inDays }) : null,
      accessibility: spec.accessibility ?? 'none',
      near_school: spec.nearSchool ?? false,
      near_kindergarten: spec.nearKindergarten ?? false,
      near_intro_site: main.spec.age >= 18,
      income_sources: spec.incomeSources ?? [],
      created_by: actor.id,
    });
    counts.households += 1;

    const ids = persons.map(() => randomUUID());
    rows.persons.push(
      ...persons.map((p, i) => ({
        id: ids[i]!,
        tenant_id: tenantId,
        full_name: p.fullName,
        transliteration: p.transliteration,
        name_search: nameSearchKey(p.transliteration ? `${p.fullName} ${p.transliteration}` : p.fullName).slice(0, 500),
        birth_date: p.birth.date,
        birth_date_precision: p.birth.precision,
        identity_number: p.identityNumber,
        duf_number: p.dufNumber,
        nationality: p.spec.nationality,
        refugee_category: spec.category,
        residence_permit_date: permitDate,
        reception_centre: spec.receptionCentre ?? null,
        arrival_date: settledOn ? arrivalDate : null,
        settlement_date: settledOn,
        intro_programme:
          p.spec.age >= 18 && p.spec.age < 56 ? ('entitled_and_obliged' as const) : ('not_entitled' as const),
        intro_programme_start:
          settledOn && p.spec.age >= 18 && p.spec.age < 56 ? addDays({ date: settledOn, days: 30 }) : null,
        created_by: actor.id,
      })),
    );
    counts.persons += persons.length;
    const languages = persons.flatMap((p, i) =>
      p.spec.languages.map((l) => ({
        tenant_id: tenantId,
        person_id: ids[i]!,
        code: l.code,
        interpreter_needed: l.interpreter ?? false,
        preferred_for_letters: l.letters ?? false,
      })),
    );
    rows.languages.push(...languages);
    const identityEvents = persons.flatMap((p, i) =>
      (
        [
          ['identity_number', p.identityNumber],
          ['duf_number', p.dufNumber],
        ] as const
      ).flatMap(([field, value]) =>
        value
          ? [
              {
                tenant_id: tenantId,
                person_id: ids[i]!,
                field,
                old_value: null,
                new_value: value,
                reason: 'registered',
                changed_by: actor.id,
              },
            ]
          : [],
      ),
    );
    rows.identityEvents.push(...identityEvents);
    rows.members.push(
      ...persons.map((p, i) => ({
        tenant_id: tenantId,
        household_id: household.id,
        person_id: ids[i]!,
        relation: p.spec.relation,
        joined_on: proposedOn,
      })),
    );

    if (spec.special) {
      rows.special.push({
        tenant_id: tenantId,
        person_id: ids[0]!,
        category: spec.special.category,
        details: spec.special.details,
        legal_basis: spec.special.legalBasis,
        consent_given_on: spec.special.legalBasis === 'consent' ? proposedOn : null,
        source: spec.special.source,
        recorded_by: actor.id,
      });
    }

    // The history: who moved the household on, when and why.
    rows.events.push(
      ...path.map((to, i) => ({
        tenant_id: tenantId,
        household_id: household.id,
        from_state: i === 0 ? null : path[i - 1]!,
        to_state: to,
        reason: i === 0 ? 'IMDi-forslag' : to === 'declined' || to === 'withdrawn' ? (spec.reason ?? '') : '',
        effective_on: dates[i]!,
        dwelling_id: dwelling && to === 'dwelling_reserved' ? dwelling.id : null,
        actor_user_id: actors[(index + i) % actors.length]!.id,
        occurred_at: new Date(`${dates[i]}T09:00:00Z`),
      })),
    );
    counts.events += path.length;

    if (dwelling && reservedFrom && HOLDS_DWELLING.includes(state)) {
      reservations.push({ dwellingId: dwelling.id, validFrom: reservedFrom, userId: actor.id, note: reference });
      counts.reserved += 1;
    }

    // Contacts for households arriving or settled (R6.5: everyone knows whom to contact).
    if (state === 'ready_to_move_in' || state === 'settled') {
      const phone = (n: number) => `400 05 ${String(100 + ((index * 7 + n) % 900)).padStart(3, '0')}`;
      type Contact = { role: ContactRole; staffUserId: string | null; name: string; email: string; phone: string };
      const ofStaff = (role: ContactRole, s: Staff | undefined, n: number): Contact[] =>
        s ? [{ role, staffUserId: s.id, name: s.display_name, email: s.email, phone: phone(n) }] : [];
      const adult = main.spec.age >= 18;
      const contacts: Contact[] = [
        ...ofStaff('settlement_worker', actor, 1),
        ...ofStaff('nav_adviser', navAdviser, 2),
        ...(adult
          ? [
              {
                role: 'introduction_adviser' as const,
                staffUserId: null,
                name: 'Introduksjonsprogrammet, Molde voksenopplæring',
                email: 'intro@molde.kommune.example',
                phone: '400 05 900',
              },
            ]
          : []),
        ...(spec.category === 'unaccompanied_minor' ? ofStaff('on_site_staff', onSite, 3) : []),
        ...ofStaff('housing_office', housingOffice, 4),
        ...(spec.guardian ? [{ role: 'guardian' as const, staffUserId: null, ...spec.guardian }] : []),
        {
          role: 'emergency',
          staffUserId: null,
          name: 'Vakttelefon, flyktningtjenesten',
          email: '',
          phone: settings.emergencyPhone,
        },
      ];
      rows.contacts.push(
        ...contacts.map((c, i) => ({
          tenant_id: tenantId,
          household_id: household.id,
          role: c.role,
          staff_user_id: c.staffUserId,
          name: c.name,
          phone: c.phone,
          email: c.email,
          availability: c.role === 'emergency' ? 'Hele døgnet' : 'Hverdager 08–15.30',
          sort_order: i * 10,
        })),
      );
      counts.contacts += contacts.length;
    }

    if (arrivalDate) arrivals.push({ householdId: household.id, actorUserId: actor.id });
  }

  // Households before their members, persons before their languages, identity events and records.
  await trx.insertInto('app.household').values(rows.households).execute();
  await trx.insertInto('app.person').values(rows.persons).execute();
  for (const [table, values] of [
    ['app.person_language', rows.languages],
    ['app.person_identity_event', rows.identityEvents],
    ['app.household_member', rows.members],
    ['app.special_category_record', rows.special],
    ['app.pipeline_event', rows.events],
    ['app.household_contact', rows.contacts],
  ] as const) {
    if (values.length > 0)
      await trx
        .insertInto(table)
        .values(values as never)
        .execute();
  }
  for (const r of reservations) {
    await setDwellingStatus(trx, { tenantId, status: 'reserved', source: 'user', ...r });
  }
  for (const a of arrivals) await syncMoveInChecklist(trx, { tenantId, ...a });
  return { created: true, counts };
}
