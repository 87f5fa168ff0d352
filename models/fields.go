package models

// The fields of a referral, with their JSON paths in the referral-form
// exchange format as IDs.
const (
	FieldFormID            FieldID = "form_id"
	FieldReceived          FieldID = "received_at"
	FieldReferrerName      FieldID = "referrer.name"
	FieldReferrerRole      FieldID = "referrer.role"
	FieldNHSNumber         FieldID = "patient.nhs_number"
	FieldGivenName         FieldID = "patient.given_name"
	FieldFamilyName        FieldID = "patient.family_name"
	FieldDateOfBirth       FieldID = "patient.date_of_birth"
	FieldPostcode          FieldID = "patient.postcode"
	FieldStage             FieldID = "perinatal.stage"
	FieldDueDate           FieldID = "perinatal.expected_delivery_date"
	FieldBabyDateOfBirth   FieldID = "perinatal.baby_date_of_birth"
	FieldConditions        FieldID = "conditions"
	FieldMedication        FieldID = "medication"
	FieldMBUDischarge      FieldID = "current_services.mbu_expected_discharge"
	FieldOtherProfessional FieldID = "other_professionals"
	FieldReasonForReferral FieldID = "reason_for_referral"
	FieldConsent           FieldID = "consent_obtained"
	FieldRegisteredWithGP  FieldID = "patient.registered_with_gp"
	FieldLivesInArea       FieldID = "patient.lives_in_area"
)

// The fields of the team's decisions on a referral.
const (
	FieldDecision          FieldID = "decision.outcome"
	FieldDecisionPriority  FieldID = "decision.priority"
	FieldDecisionReason    FieldID = "decision.reason"
	FieldAssessmentOutcome FieldID = "assessment.outcome"
	FieldClosureReason     FieldID = "closure.reason"
	FieldKeyWorker         FieldID = "allocation.key_worker"
	FieldNewKeyWorker      FieldID = "reallocation.key_worker"
	FieldMoveReason        FieldID = "reallocation.reason"
	FieldJointService      FieldID = "joint_working.service"
	FieldJointStart        FieldID = "joint_working.start_date"
	FieldJointEnd          FieldID = "joint_working.end_date"
)

// The fields of appointments and the diary. FieldDate and FieldTime are a
// date and a time of day as typed (see ParseDate and ParseClock).
const (
	FieldDate               FieldID = "date"
	FieldTime               FieldID = "time"
	FieldStartsAt           FieldID = "appointment.starts_at"
	FieldDuration           FieldID = "appointment.duration"
	FieldClinician          FieldID = "appointment.clinician"
	FieldAppointmentKind    FieldID = "appointment.kind"
	FieldAppointmentMode    FieldID = "appointment.mode"
	FieldAttendance         FieldID = "appointment.attendance"
	FieldCancellationReason FieldID = "appointment.cancellation_reason"
	FieldCancelledBy        FieldID = "appointment.cancelled_by"
	FieldDiaryDates         FieldID = "diary.dates"
)

// The fields of her communication needs, names and addresses for letters,
// the directory of organisations and staff registration.
const (
	FieldName               FieldID = "patient.name"
	FieldNameForLetters     FieldID = "patient.name_for_letters"
	FieldAddress            FieldID = "patient.address"
	FieldLanguage           FieldID = "needs.language"
	FieldPreferredContact   FieldID = "needs.preferred_contact"
	FieldSafeAddress        FieldID = "needs.safe_address"
	FieldSafePostcode       FieldID = "needs.safe_postcode"
	FieldLetterKindChoice   FieldID = "letters.kind"
	FieldOrgKind            FieldID = "organisation.kind"
	FieldOrgName            FieldID = "organisation.name"
	FieldODSCode            FieldID = "organisation.ods_code"
	FieldOrgAddress         FieldID = "organisation.address"
	FieldOrgPostcode        FieldID = "organisation.postcode"
	FieldOrgEmail           FieldID = "organisation.email"
	FieldProfessionalName   FieldID = "professional.name"
	FieldProfessionalOrg    FieldID = "professional.organisation"
	FieldProfessionalAddr   FieldID = "professional.address"
	FieldProfession         FieldID = "staff.profession"
	FieldRegistrationNumber FieldID = "staff.registration_number"
)

// The fields of staff accounts, tasks and letter templates.
const (
	FieldStaffName        FieldID = "staff.name"
	FieldUsername         FieldID = "staff.username"
	FieldPassword         FieldID = "staff.password"
	FieldPasswordAgain    FieldID = "staff.password_again"
	FieldRoles            FieldID = "staff.roles"
	FieldCaseloadCapacity FieldID = "staff.caseload_capacity"
	FieldWorkingTime      FieldID = "staff.working_time_fraction"
	FieldActive           FieldID = "staff.active"
	FieldTaskTitle        FieldID = "task.title"
	FieldTaskAssignee     FieldID = "task.assignee"
	FieldTaskReassignTo   FieldID = "task.reassign_to"
	FieldTemplate         FieldID = "letter_template.body"
)

// The parts of a letter to be printed (see package letters). Their labels
// are lower case, since letter errors read "patient's NHS number: …".
const (
	FieldLetterKind          FieldID = "letter.kind"
	FieldLetterDate          FieldID = "letter.date"
	FieldLetterPatientName   FieldID = "letter.patient.name"
	FieldLetterPatientDOB    FieldID = "letter.patient.date_of_birth"
	FieldLetterPatientNHS    FieldID = "letter.patient.nhs_number"
	FieldLetterRecipientName FieldID = "letter.recipient.name"
	FieldLetterRecipientAddr FieldID = "letter.recipient.address"
	FieldLetterRecipient     FieldID = "letter.recipient"
	FieldLetterCopyTo        FieldID = "letter.copy_to"
	FieldLetterAuthor        FieldID = "letter.author"
	FieldLetterClosing       FieldID = "letter.closing"
	FieldLetterBody          FieldID = "letter.body"
	FieldLetterService       FieldID = "letter.service"
	FieldLetterServiceName   FieldID = "letter.service.name"
	FieldLetterCrisisLine    FieldID = "letter.service.crisis_line"
	FieldLetterDutyPhone     FieldID = "letter.service.duty_phone"
	FieldLetterDutyHours     FieldID = "letter.service.duty_hours"
)

// fieldLabel is how a field is named to people: label for the field, and
// item for one entry of a list field, numbered from 1 ("Medicine 2").
type fieldLabel struct{ label, item string }

// fieldLabels is the one table of field names. Screens, dialogs, the
// command line and letters all name a field through it; DefineFields adds
// fields other packages define.
var fieldLabels = map[FieldID]fieldLabel{
	FieldFormID:            {label: "Online form ID"},
	FieldReceived:          {label: "Received"},
	FieldReferrerName:      {label: "Referrer name"},
	FieldReferrerRole:      {label: "Referrer role"},
	FieldNHSNumber:         {label: "NHS number"},
	FieldGivenName:         {label: "Given name"},
	FieldFamilyName:        {label: "Family name"},
	FieldDateOfBirth:       {label: "Date of birth"},
	FieldPostcode:          {label: "Postcode"},
	FieldStage:             {label: "Stage"},
	FieldConsent:           {label: "Consent"},
	FieldRegisteredWithGP:  {label: "Registered with a GP"},
	FieldLivesInArea:       {label: "Lives in LLR"},
	FieldDueDate:           {label: "Expected delivery date"},
	FieldBabyDateOfBirth:   {label: "Baby's date of birth"},
	FieldConditions:        {label: "Conditions", item: "Condition"},
	FieldMedication:        {label: "Medicines", item: "Medicine"},
	FieldMBUDischarge:      {label: "MBU expected discharge"},
	FieldOtherProfessional: {label: "Professionals", item: "Professional"},
	FieldReasonForReferral: {label: "Reason for referral"},

	FieldDecision:          {label: "Decision"},
	FieldDecisionPriority:  {label: "Priority"},
	FieldDecisionReason:    {label: "Reason"},
	FieldAssessmentOutcome: {label: "Outcome"},
	FieldClosureReason:     {label: "Reason"},
	FieldKeyWorker:         {label: "Key worker"},
	FieldNewKeyWorker:      {label: "New key worker"},
	FieldMoveReason:        {label: "Reason"},
	FieldJointService:      {label: "Service"},
	FieldJointStart:        {label: "Start date"},
	FieldJointEnd:          {label: "End date"},

	FieldDate:               {label: "Date"},
	FieldTime:               {label: "Time"},
	FieldStartsAt:           {label: "Date and time"},
	FieldDuration:           {label: "Duration"},
	FieldClinician:          {label: "Clinician"},
	FieldAppointmentKind:    {label: "Kind"},
	FieldAppointmentMode:    {label: "Mode"},
	FieldAttendance:         {label: "Attendance"},
	FieldCancellationReason: {label: "Cancellation reason"},
	FieldCancelledBy:        {label: "Cancelled by"},
	FieldDiaryDates:         {label: "Dates"},

	FieldName:               {label: "Name"},
	FieldNameForLetters:     {label: "Name for letters"},
	FieldAddress:            {label: "Address"},
	FieldLanguage:           {label: "Language"},
	FieldPreferredContact:   {label: "Preferred contact"},
	FieldSafeAddress:        {label: "Safe address"},
	FieldSafePostcode:       {label: "Safe postcode"},
	FieldLetterKindChoice:   {label: "Kind"},
	FieldOrgKind:            {label: "Kind"},
	FieldOrgName:            {label: "Name"},
	FieldODSCode:            {label: "ODS code"},
	FieldOrgAddress:         {label: "Address"},
	FieldOrgPostcode:        {label: "Postcode"},
	FieldOrgEmail:           {label: "Email"},
	FieldProfessionalName:   {label: "Name"},
	FieldProfessionalOrg:    {label: "Organisation in the directory"},
	FieldProfessionalAddr:   {label: "Address"},
	FieldProfession:         {label: "Profession"},
	FieldRegistrationNumber: {label: "Registration number"},

	FieldStaffName:        {label: "Name"},
	FieldUsername:         {label: "Username"},
	FieldPassword:         {label: "Password"},
	FieldPasswordAgain:    {label: "Password again"},
	FieldRoles:            {label: "Roles"},
	FieldCaseloadCapacity: {label: "Caseload capacity"},
	FieldWorkingTime:      {label: "Working-time fraction"},
	FieldActive:           {label: "Active"},
	FieldTaskTitle:        {label: "Title"},
	FieldTaskAssignee:     {label: "Assigned to"},
	FieldTaskReassignTo:   {label: "Reassign to"},
	FieldTemplate:         {label: "Template"},

	FieldLetterKind:          {label: "letter kind"},
	FieldLetterDate:          {label: "letter date"},
	FieldLetterPatientName:   {label: "patient's name"},
	FieldLetterPatientDOB:    {label: "patient's date of birth"},
	FieldLetterPatientNHS:    {label: "patient's NHS number"},
	FieldLetterRecipientName: {label: "recipient's name"},
	FieldLetterRecipientAddr: {label: "recipient's address"},
	FieldLetterRecipient:     {label: "recipient's name and address"},
	FieldLetterCopyTo:        {label: "copy list", item: "copy"},
	FieldLetterAuthor:        {label: "author"},
	FieldLetterClosing:       {label: "closing"},
	FieldLetterBody:          {label: "letter text"},
	FieldLetterService:       {label: "settings, service details"},
	FieldLetterServiceName:   {label: "settings, service name"},
	FieldLetterCrisisLine:    {label: "settings, Mental Health Central Access Point telephone"},
	FieldLetterDutyPhone:     {label: "settings, duty worker telephone"},
	FieldLetterDutyHours:     {label: "settings, duty worker hours"},
}
