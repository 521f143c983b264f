// Bokmål — the source of truth for UI text. nn.ts and en.ts are typed as `Messages`, so a key
// missing there is a compile error. `{name}` marks a parameter (see translate() in index.ts).
// Error texts are keyed by the stable dot code from shared/errors.ts (looked up by errorMessage()).
export const nb = {
  app: {
    name: 'Husly',
    pageTitle: '{page} – Husly',
    description: 'Bosetting av flyktninger, boliger, tildeling og oppfølging',
  },
  common: {
    loading: 'Laster …',
    saving: 'Lagrer …',
  },
  language: {
    label: 'Språk',
    administrative: {
      nb: 'Bokmål',
      nn: 'Nynorsk',
    },
  },
  layout: {
    skipLink: 'Hopp til hovedinnholdet',
    headerLabel: 'Husly',
    municipality: '{name} (kommunenr. {kommunenummer})',
    activeUnit: 'Aktiv enhet',
    noUnit: 'Ingen enhet valgt',
    signedInAs: 'Innlogget som {name}',
    logout: 'Logg ut',
    loggingOut: 'Logger ut …',
    switchUnitFailed: 'Kunne ikke bytte enhet.',
  },
  nav: {
    label: 'Hovedmeny',
    overview: 'Oversikt',
    settlement: 'Bosetting',
    dwellings: 'Boliger',
    households: 'Husstander',
    allocation: 'Tildeling',
    followUp: 'Oppfølging',
    reports: 'Rapporter',
    units: 'Enheter',
  },
  login: {
    title: 'Logg inn',
    intro: 'Logg inn med e-postadressen og passordet ditt.',
    email: 'E-postadresse',
    password: 'Passord',
    submit: 'Logg inn',
    submitting: 'Logger inn …',
    errorSummaryHeading: 'Du må rette dette før du kan logge inn:',
    emailRequired: 'Skriv inn e-postadressen din.',
    passwordRequired: 'Skriv inn passordet ditt.',
  },
  overview: {
    title: 'Oversikt',
    municipalityHeading: 'Kommunen',
    name: 'Kommune',
    kommunenummer: 'Kommunenummer',
    language: 'Administrativ målform',
    unitCount: 'Antall enheter',
    staffCount: 'Antall ansatte',
  },
  modules: {
    underDevelopment: 'Modulen er under utvikling og er ikke tatt i bruk ennå.',
    settlement: {
      title: 'Bosetting',
      description:
        'Her skal kommunen følge opp anmodningen fra IMDi om å bosette flyktninger og kommunestyrets vedtak om hvor mange som skal bosettes. Modulen skal vise hele løpet fra IMDi foreslår en person eller familie, via kommunens svar, til personene er bosatt i kommunen.',
    },
    dwellings: {
      title: 'Boliger',
      description:
        'Her skal kommunen ha oversikt over boligene som kan brukes til bosetting – kommunale boliger og boliger leid inn fra private – med størrelse, standard, tilgjengelighet, husleie og når boligen er ledig.',
    },
    households: {
      title: 'Husstander',
      description:
        'Her skal kommunen registrere og følge opp husstandene som bosettes: hvem som hører til husstanden, behov som har betydning for valg av bolig, og kontaktinformasjon. Personopplysninger skal bare vises til dem som trenger dem i arbeidet sitt.',
    },
    allocation: {
      title: 'Tildeling',
      description:
        'Her skal boligkontoret finne egnede boliger til husstander, reservere en bolig og fatte vedtak om tildeling, og deretter opprette leieforholdet med husleiekontrakt og depositum.',
    },
    followUp: {
      title: 'Oppfølging',
      description:
        'Her skal flyktningtjenesten planlegge og dokumentere oppfølgingen etter bosetting – introduksjonsprogram, bo-oppfølging, bostøtte og avtaler – med påminnelser når noe forfaller.',
    },
    reports: {
      title: 'Rapporter',
      description:
        'Her skal kommunen hente ut tall om bosetting, boliger og tildelinger, blant annet til rapportering til IMDi og kommunestyret. Rapportene skal bare vise samlede tall, ikke enkeltpersoner.',
    },
  },
  units: {
    title: 'Enheter',
    intro: 'Enhetene er avdelingene i kommunen som bruker Husly, for eksempel flyktningtjenesten og boligkontoret.',
    listHeading: 'Enheter i kommunen',
    empty: 'Kommunen har ingen enheter ennå.',
    table: {
      name: 'Navn',
      kind: 'Type',
      staffCount: 'Ansatte',
      createdAt: 'Opprettet',
    },
    create: {
      heading: 'Opprett enhet',
      name: 'Navn på enheten',
      kind: 'Type enhet',
      chooseKind: 'Velg type',
      submit: 'Opprett enhet',
      submitting: 'Oppretter …',
      success: 'Enheten «{name}» er opprettet.',
      errorSummaryHeading: 'Du må rette dette før enheten kan opprettes:',
      nameTooShort: 'Navnet må ha minst 2 tegn.',
      nameTooLong: 'Navnet kan ha høyst 120 tegn.',
      kindRequired: 'Velg hvilken type enhet det er.',
    },
    kinds: {
      bydel: 'Bydel',
      flyktningtjeneste: 'Flyktningtjeneste',
      boligkontor: 'Boligkontor',
      tildelingskontor: 'Tildelingskontor',
      eiendom: 'Eiendom',
      nav_kontor: 'Nav-kontor',
      introduksjonssenter: 'Introduksjonssenter',
      annet: 'Annet',
    },
  },
  errorPages: {
    notFound: {
      title: 'Fant ikke siden',
      body: 'Siden du leter etter, finnes ikke, eller den er flyttet. Sjekk at adressen er riktig.',
      back: 'Gå til oversikten',
    },
    noAccess: {
      title: 'Du har ikke tilgang',
      body: 'Du har ikke tilgang til denne siden eller handlingen. Kontakt en administrator i kommunen hvis du mener at du skal ha tilgang.',
      back: 'Gå til oversikten',
    },
    technical: {
      title: 'Noe gikk galt',
      body: 'Vi fikk ikke hentet eller lagret opplysningene. Prøv igjen om litt.',
      reference: 'Referanse: {requestId}',
      referenceHelp: 'Oppgi referansen hvis du kontakter brukerstøtte.',
    },
  },
  errors: {
    'request.invalid': 'Noen av opplysningene er ikke gyldige. Rett feilene og prøv igjen.',
    'request.malformed_json': 'Forespørselen kunne ikke leses.',
    'request.forbidden_key': 'Forespørselen inneholder et felt som ikke er tillatt.',
    'request.too_deep': 'Forespørselen er for sammensatt.',
    'request.unknown_field': 'Forespørselen inneholder et ukjent felt.',
    'request.too_large': 'Forespørselen er for stor.',
    'request.unsupported_media_type': 'Formatet på forespørselen støttes ikke.',
    'auth.required': 'Du må logge inn for å fortsette.',
    'auth.invalid_credentials': 'Feil e-postadresse eller passord.',
    'auth.locked': 'For mange mislykkede innloggingsforsøk. Vent litt og prøv igjen.',
    'auth.forbidden': 'Du har ikke tilgang til dette.',
    'auth.csrf': 'Økten din kunne ikke bekreftes. Last inn siden på nytt og prøv igjen.',
    'resource.not_found': 'Fant ikke det du lette etter. Det kan være slettet.',
    'route.not_found': 'Fant ikke siden.',
    'resource.version_conflict':
      'Noen andre har endret dette i mellomtiden. Last inn siden på nytt og gjør endringen igjen.',
    'resource.version_required': 'Endringen mangler versjonsnummer. Last inn siden på nytt og prøv igjen.',
    'unit.name_taken': 'Det finnes allerede en enhet med dette navnet.',
    'unit.parent_invalid': 'Den overordnede enheten er ikke gyldig.',
    'municipality.kommunenummer_invalid': 'Kommunenummeret er ikke gyldig. Det skal ha fire sifre.',
    'municipality.exists': 'Kommunen finnes allerede i Husly.',
    'server.internal': 'Noe gikk galt hos oss.',
    'server.unavailable': 'Tjenesten er midlertidig utilgjengelig. Prøv igjen om litt.',
    'text.too_short': 'Teksten er for kort.',
    'text.too_long': 'Teksten er for lang.',
    'text.invalid_characters': 'Teksten inneholder tegn som ikke er tillatt.',
    too_small: 'Verdien er for kort eller for liten.',
    too_big: 'Verdien er for lang eller for stor.',
    invalid_type: 'Verdien har feil type.',
    invalid_value: 'Velg en av de gyldige verdiene.',
    invalid_format: 'Verdien har ugyldig format.',
    unrecognized_keys: 'Skjemaet inneholder felt som ikke er tillatt.',
    required: 'Feltet må fylles ut.',
    'client.network': 'Fikk ikke kontakt med Husly. Sjekk nettforbindelsen og prøv igjen.',
    'client.invalid_response': 'Svaret fra Husly var ikke som forventet.',
    unknown: 'Det oppstod en ukjent feil.',
  },
} as const;

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** The shape every dictionary must have: the same keys as `nb`, every leaf a string. */
export type Messages = Strings<typeof nb>;
