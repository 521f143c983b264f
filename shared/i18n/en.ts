import type { Messages } from './nb';

// English. Typed as `Messages`: a key missing here (compared with nb.ts) is a compile error.
// Norwegian institution names (IMDi, Nav) are kept as they are.
export const en: Messages = {
  app: {
    name: 'Husly',
    pageTitle: '{page} – Husly',
    description: 'Settlement of refugees, housing, allocation and follow-up',
  },
  common: {
    loading: 'Loading …',
    saving: 'Saving …',
  },
  language: {
    label: 'Language',
    administrative: {
      nb: 'Bokmål',
      nn: 'Nynorsk',
    },
  },
  layout: {
    skipLink: 'Skip to main content',
    headerLabel: 'Husly',
    municipality: '{name} (municipality no. {kommunenummer})',
    activeUnit: 'Active unit',
    noUnit: 'No unit selected',
    signedInAs: 'Signed in as {name}',
    logout: 'Log out',
    loggingOut: 'Logging out …',
    switchUnitFailed: 'Could not switch unit.',
  },
  nav: {
    label: 'Main menu',
    overview: 'Overview',
    settlement: 'Settlement',
    dwellings: 'Housing',
    households: 'Households',
    allocation: 'Allocation',
    followUp: 'Follow-up',
    reports: 'Reports',
    units: 'Units',
  },
  login: {
    title: 'Log in',
    intro: 'Log in with your email address and password.',
    email: 'Email address',
    password: 'Password',
    submit: 'Log in',
    submitting: 'Logging in …',
    errorSummaryHeading: 'Correct the following before you can log in:',
    emailRequired: 'Enter your email address.',
    passwordRequired: 'Enter your password.',
  },
  overview: {
    title: 'Overview',
    municipalityHeading: 'The municipality',
    name: 'Municipality',
    kommunenummer: 'Municipality number',
    language: 'Administrative language',
    unitCount: 'Number of units',
    staffCount: 'Number of staff',
  },
  modules: {
    underDevelopment: 'This module is under development and not yet in use.',
    settlement: {
      title: 'Settlement',
      description:
        "Here the municipality will follow up IMDi's request to settle refugees and the municipal council's decision on how many to settle. The module will show the whole pipeline, from IMDi proposing a person or family, through the municipality's reply, until the people are settled in the municipality.",
    },
    dwellings: {
      title: 'Housing',
      description:
        'Here the municipality will keep track of the dwellings that can be used for settlement – municipal dwellings and dwellings rented from private landlords – with size, standard, accessibility, rent and when each dwelling is vacant.',
    },
    households: {
      title: 'Households',
      description:
        'Here the municipality will register and follow up the households being settled: who belongs to the household, needs that matter when choosing a dwelling, and contact details. Personal data will be shown only to those who need it for their work.',
    },
    allocation: {
      title: 'Allocation',
      description:
        'Here the housing office will find suitable dwellings for households, reserve a dwelling and decide on the allocation, and then set up the tenancy with a lease and deposit.',
    },
    followUp: {
      title: 'Follow-up',
      description:
        'Here the refugee service will plan and record the follow-up after settlement – the introduction programme, support with housing, housing allowance and appointments – with reminders when something falls due.',
    },
    reports: {
      title: 'Reports',
      description:
        'Here the municipality will extract figures on settlement, housing and allocations, among other things for reporting to IMDi and the municipal council. Reports will show aggregate figures only, never individuals.',
    },
  },
  units: {
    title: 'Units',
    intro:
      'Units are the departments of the municipality that use Husly, such as the refugee service and the housing office.',
    listHeading: 'Units in the municipality',
    empty: 'The municipality has no units yet.',
    table: {
      name: 'Name',
      kind: 'Type',
      staffCount: 'Staff',
      createdAt: 'Created',
    },
    create: {
      heading: 'Create unit',
      name: 'Name of the unit',
      kind: 'Type of unit',
      chooseKind: 'Choose type',
      submit: 'Create unit',
      submitting: 'Creating …',
      success: 'The unit “{name}” has been created.',
      errorSummaryHeading: 'Correct the following before the unit can be created:',
      nameTooShort: 'The name must be at least 2 characters.',
      nameTooLong: 'The name can be at most 120 characters.',
      kindRequired: 'Choose what type of unit it is.',
    },
    kinds: {
      bydel: 'City district',
      flyktningtjeneste: 'Refugee service',
      boligkontor: 'Housing office',
      tildelingskontor: 'Allocation office',
      eiendom: 'Property management',
      nav_kontor: 'Nav office',
      introduksjonssenter: 'Introduction centre',
      annet: 'Other',
    },
  },
  errorPages: {
    notFound: {
      title: 'Page not found',
      body: 'The page you are looking for does not exist or has been moved. Check that the address is correct.',
      back: 'Go to the overview',
    },
    noAccess: {
      title: 'You do not have access',
      body: 'You do not have access to this page or action. Contact an administrator in the municipality if you believe you should have access.',
      back: 'Go to the overview',
    },
    technical: {
      title: 'Something went wrong',
      body: 'We could not fetch or save the information. Please try again shortly.',
      reference: 'Reference: {requestId}',
      referenceHelp: 'Give this reference if you contact user support.',
    },
  },
  errors: {
    'request.invalid': 'Some of the information is not valid. Correct the errors and try again.',
    'request.malformed_json': 'The request could not be read.',
    'request.forbidden_key': 'The request contains a field that is not allowed.',
    'request.too_deep': 'The request is too deeply nested.',
    'request.unknown_field': 'The request contains an unknown field.',
    'request.too_large': 'The request is too large.',
    'request.unsupported_media_type': 'The request format is not supported.',
    'auth.required': 'You must log in to continue.',
    'auth.invalid_credentials': 'Incorrect email address or password.',
    'auth.locked': 'Too many failed login attempts. Wait a while and try again.',
    'auth.forbidden': 'You do not have access to this.',
    'auth.csrf': 'Your session could not be verified. Reload the page and try again.',
    'resource.not_found': 'What you were looking for was not found. It may have been deleted.',
    'route.not_found': 'Page not found.',
    'resource.version_conflict':
      'Someone else changed this in the meantime. Reload the page and make your change again.',
    'resource.version_required': 'The change is missing a version number. Reload the page and try again.',
    'unit.name_taken': 'A unit with this name already exists.',
    'unit.parent_invalid': 'The parent unit is not valid.',
    'municipality.kommunenummer_invalid': 'The municipality number is not valid. It must have four digits.',
    'municipality.exists': 'The municipality already exists in Husly.',
    'server.internal': 'Something went wrong on our side.',
    'server.unavailable': 'The service is temporarily unavailable. Please try again shortly.',
    'text.too_short': 'The text is too short.',
    'text.too_long': 'The text is too long.',
    'text.invalid_characters': 'The text contains characters that are not allowed.',
    too_small: 'The value is too short or too small.',
    too_big: 'The value is too long or too large.',
    invalid_type: 'The value has the wrong type.',
    invalid_value: 'Choose one of the valid values.',
    invalid_format: 'The value has an invalid format.',
    unrecognized_keys: 'The form contains fields that are not allowed.',
    required: 'This field is required.',
    'client.network': 'Could not reach Husly. Check your network connection and try again.',
    'client.invalid_response': 'The response from Husly was not as expected.',
    unknown: 'An unknown error occurred.',
  },
};
