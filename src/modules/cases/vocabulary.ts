// The HTCDS 2.0 picklists Minka uses, with the standard's field names and value names, and the local
// lists that sit beside them (named local_). vocabulary.test.ts checks these against the official sheet.

export const htcds = {
  prs_Gender: [
    'Feminine',
    'Masculine',
    'TransgenderFeminine',
    'TransgenderMasculine',
    'NonConforming',
    'NonSpecifiedUnknown',
  ],
  prs_MaritalStatus: ['Single', 'Married', 'Widowed', 'Divorced', 'Separated', 'RegisteredPartnership'],
  vic_TraffickingStatus: ['PossibleVictimOfTrafficking', 'ActualVictimOfTrafficking', 'NotAVictimOfTrafficking'],
  vic_TraffickingStatusDecisionMakingOrg: [
    'Police',
    'NGO',
    'CourtOrProsecution',
    'NonPoliceGovernmentalOrganization',
    'Other',
  ],
  vic_RelationshipToTrafficker: ['Familial', 'Acquainted', 'Unaquainted'],
  vic_MethodOfRecruitment: [
    'AtAPlaceOfBusiness',
    'AtAnEducationalInstitution',
    'AtWork',
    'ThroughOnlineSocialNetworks',
    'ThroughAnOnlineAdvertisement',
    'ThroughATelevisionAdvert',
    'ThroughANewspaperAdvert',
    'ThroughFamilyOrFamilyEvents',
    'ThroughFriendsOrSocialEvents',
    'Other',
  ],
  vic_MethodsOfControl: [
    'PhysicalThreats',
    'ThreatsLawEnforcement',
    'ThreatensChildrenFamily',
    'DebtBondage',
    'FalsePromises',
    'PhysicalAbuse',
    'SexualAbuse',
    'TakesEarnings',
    'RestrictsFinancialAccess',
    'RestrictsMedicalCare',
    'WithholdsNecessities',
    'PsychologicalAbuse',
    'PsychoactiveSubstance',
    'ExcessiveWorkingHours',
    'WithholdsDocuments',
    'Other',
  ],
  vic_TypeOfExploitation: [
    'ForcedLabour',
    'SexualExploitation',
    'ChildLabour',
    'ForcedMarriage',
    'Servitude',
    'ForcedMilitaryByNonStateActors',
    'OrganRemoval',
    'ForcedBegging',
    'ForcedAdoption',
    'Surrogacy',
    'Other',
  ],
  vic_ForcedLabourIndustry: [
    'A_AgricultureForestryAndFishing',
    'B_MiningAndQuarrying',
    'C_Manufacturing',
    'D_ElectricityGasSteamAndAirConditioningSupply',
    'E_WaterSupplySewerageWasteManagement',
    'F_Construction',
    'G_WholesaleAndRetailTradeRepairOfMotorVehicles',
    'H_TransportationAndStorage',
    'I_AccommodationAndFoodServiceActivities',
    'J_InformationAndCommunication',
    'K_FinancialAndInsuranceActivities',
    'L_RealEstateActivities',
    'M_ProfessionalScientificAndTechnicalActivities',
    'N_AdministrativeAndSupportServiceActivities',
    'O_PublicAdministrationAndDefence',
    'P_Education',
    'Q_HumanHealthAndSocialWorkActivities',
    'R_ArtsEntertainmentAndRecreation',
    'S_OtherServiceActivities',
    'T_ActivitiesOfHouseholdsAsEmployers',
    'U_ActivitiesOfExtraterritorialOrganizations',
  ],
  /** Websites and apps used to recruit (the same list serves vic_ExploitationWebsitesAndApps). */
  vic_RecruitmentWebsitesAndApps: [
    'Facebook',
    'Instagram',
    'WhatsApp',
    'Telegram',
    'FacebookMessenger',
    'Viber',
    'SnapChat',
    'Line',
    '4Sale',
    'WeChat',
    'QQ',
    'QZone',
    'TikTok',
    'Twitter',
    'Other',
  ],
  vic_TypeOfSexExploitation: ['Prostitution', 'Pornography', 'RemoteInteractiveServices', 'PrivateSexualServices'],
  vic_Vulnerabilities: [
    'Addiction',
    'SocialGroup',
    'Discrimination',
    'Poverty',
    'DisabilityAndPhysicalHealth',
    'MentalHealth',
    'Migration',
    'Homelessness',
    'AbuseSocialMedia',
    'AbusePhysical',
    'Education',
    'WorkEnvironment',
  ],
  per_RoleInProcess: [
    'TravellingPartner',
    'Transporter',
    'RecruiterOrIntermediary',
    'BrokerTravelAgent',
    'TransferredIndividual',
    'HarbouredIndividual',
    'SoldIndividual',
    'BoughtIndividual',
    'ReceivedIndividual',
    'ControlledIndividual',
    'Smuggler',
    'Abuser',
    'Kidnapper',
    'Exploiter',
    'Other',
  ],
  cas_Status: ['Active', 'FollowUp', 'Closed', 'ClosedReferred'],
  hte_Type: ['Recruitment', 'Transit', 'Exploitation'],
} as const;

/** Local lists beside the standard. */
export const local = {
  /** Ecuador's 2022 census self-identification categories. */
  local_Ethnicity: [
    'Indigena',
    'Afroecuatoriana',
    'Negra',
    'Mulata',
    'Montubia',
    'Mestiza',
    'Blanca',
    'Otra',
    'NoResponde',
  ],
  /** ISO 639 codes of the languages most heard in the project's cantons (Kichwa is qu). */
  local_Languages: ['es', 'qu', 'en', 'pt'],
  local_CaseStage: ['Draft', 'Intake', 'Screening', 'Protection', 'FollowUp', 'Closure'],
  local_ConsentScope: ['DataProcessing', 'SharingWithOrganisation', 'Services'],
  local_ConsentGivenBy: ['Self', 'Guardian', 'Authority'],
  local_ChildProtectionAuthority: ['JuntaCantonalProteccionDerechos', 'DINAPEN'],
} as const;

export type HtcdsField = keyof typeof htcds;

/** True for the HTCDS case statuses that mean closed. */
/**
 * Tasks that only their own record closes (a measure's review or ratification, a monitoring visit): marking one
 * "done" by hand would clear the deadline with nothing recorded, so the case's generic "done" refuses them.
 */
export const recordedTaskKinds: readonly string[] = ['measure_review', 'measure_ratification', 'monitoring_visit'];

export const isClosed = (status: string) => status === 'Closed' || status === 'ClosedReferred';

export { legalStages } from './legal-stages';
export { activeScreening } from './screening/engine';
export { type CaseSection, caseSections, type Granted, grants, sectionsFrom } from './sections';
