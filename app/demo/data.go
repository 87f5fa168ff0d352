package demo

import "perinatal-caseload/models"

// Synthetic name and place pools for the demo generator. None of these
// people exist; every NHS number is in the never-issued 999 range.
var (
	givenNames = []string{
		"Zoë", "Siobhán", "Łucja", "Amira", "Priya", "Aisha", "Chloe", "Olivia", "Hannah", "Sophie",
		"Emily", "Fatima", "Gurpreet", "Ewa", "Agnieszka", "Ngozi", "Leah", "Megan", "Jade", "Ruth",
		"Kirsty", "Thi Mai", "Roisín", "Anaïs", "Bethany", "Harpreet", "Yasmin", "Grace", "Naomi", "Kelly",
	}
	familyNames = []string{
		"Nguyễn", "Patel", "Mistry", "Smith", "Jones", "Kaur", "Begum", "Nowak", "O'Brien", "Kowalska",
		"Adeyemi", "Taylor", "Brown", "Williams", "Ahmed", "Khan", "Murphy", "Wright", "Clarke", "Lewis",
		"Chauhan", "Wiśniewska", "Okafor", "Walker", "Hughes", "Parmar", "Lefèvre", "Byrne", "Shah", "Evans",
	}
	streets = []string{
		"Narborough Road", "London Road", "Belgrave Gate", "Humberstone Road", "Aylestone Road",
		"Station Street", "Church Lane", "Main Street", "Victoria Park Road", "Melton Road",
	}
	// towns pairs a town with postcode districts in LLR.
	towns = []struct {
		Town      string
		Districts []string
	}{
		{"Leicester", []string{"LE1", "LE2", "LE3", "LE4", "LE5"}},
		{"Loughborough", []string{"LE11"}},
		{"Hinckley", []string{"LE10"}},
		{"Melton Mowbray", []string{"LE13"}},
		{"Oakham", []string{"LE15"}},
		{"Market Harborough", []string{"LE16"}},
		{"Coalville", []string{"LE67"}},
		{"Swadlincote", []string{"DE11", "DE12"}}, // partly in LLR: screening asks to check residence
	}
	practices = []string{
		"Westcotes Medical Centre (demo)", "Highfields Surgery (demo)", "Charnwood Practice (demo)",
		"Rutland Health Centre (demo)", "Hinckley Family Practice (demo)", "Harborough Surgery (demo)",
	}
)

// team is the team the demo creates: every role, typical job titles.
var team = []struct {
	Name, Username, JobTitle string
	Roles                    []models.Role
	Fraction                 float64
	Capacity                 int
}{
	{"Dr Helen Marsh", "demo.manager", "Team manager", []models.Role{models.RoleManager}, 1, 0},
	{"Joanne Pritchard", "demo.admin", "Team administrator", []models.Role{models.RoleAdministrator}, 1, 0},
	{"Kamal Hussain", "demo.admin2", "Administrator", []models.Role{models.RoleAdministrator}, 0.6, 0},
	{"Dr Orla Ní Bhriain", "demo.clinician", "Consultant perinatal psychiatrist", []models.Role{models.RoleClinician}, 1, 10},
	{"Dr Rajesh Varma", "demo.doctor", "Specialty doctor", []models.Role{models.RoleClinician}, 0.8, 12},
	{"Dr Sofía Álvarez", "demo.psychologist", "Clinical psychologist", []models.Role{models.RoleClinician, models.RoleKeyWorker}, 0.6, 10},
	{"Emma Thornton", "demo.keyworker", "Community mental health nurse", []models.Role{models.RoleKeyWorker}, 1, 25},
	{"Bartosz Zieliński", "demo.nurse2", "Mental health nurse", []models.Role{models.RoleKeyWorker}, 1, 25},
	{"Grace Okonkwo", "demo.social", "Social worker", []models.Role{models.RoleKeyWorker}, 0.8, 20},
	{"Lucy Fairbrother", "demo.ot", "Occupational therapist", []models.Role{models.RoleKeyWorker}, 0.6, 15},
	{"Anjali Desai", "demo.nurseprescriber", "Nurse prescriber", []models.Role{models.RoleClinician, models.RoleKeyWorker}, 1, 20},
	{"Megan Price", "demo.nurserynurse", "Nursery nurse", []models.Role{models.RoleKeyWorker}, 1, 25},
}

// referrerNames gives each referrer role a few synthetic professionals.
var referrerNames = map[models.ProfessionalRole][]string{
	models.ProfGP:            {"Dr Amira Patel", "Dr John Fletcher", "Dr Nadia Rahman", "Dr Peter Quinn"},
	models.ProfMidwife:       {"Sally Green", "Bernadette Flynn"},
	models.ProfHealthVisitor: {"Tracey Holt", "Ayesha Mir"},
	models.ProfObstetrician:  {"Mr David Okoro", "Miss Claire Dunn"},
	models.ProfPsychiatrist:  {"Dr Lena Hoffmann"},
	models.ProfCMHT:          {"Paul Newman", "Rita Sandhu"},
	models.ProfOther:         {"Kate Moore"},
	models.ProfSelf:          {"(self-referral)"},
}
