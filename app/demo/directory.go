package demo

import (
	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// directory is the demo's directory of organisations: every practice,
// team, ward and service the demo's professionals and joint working name,
// with a synthetic postal address, so that every demo letter can be posted.
// The ODS codes are in a range no real GP practice uses.
var directory = []models.Organisation{
	{Kind: models.OrgGPPractice, Name: "Westcotes Medical Centre (demo)", ODSCode: "Z99001", AddressLines: "2 Fosse Road South\nLeicester", Postcode: "LE3 0LP"},
	{Kind: models.OrgGPPractice, Name: "Highfields Surgery (demo)", ODSCode: "Z99002", AddressLines: "25 Severn Street\nLeicester", Postcode: "LE2 0NN"},
	{Kind: models.OrgGPPractice, Name: "Charnwood Practice (demo)", ODSCode: "Z99003", AddressLines: "1 Station Road\nLoughborough", Postcode: "LE11 3TU"},
	{Kind: models.OrgGPPractice, Name: "Rutland Health Centre (demo)", ODSCode: "Z99004", AddressLines: "Cold Overton Road\nOakham", Postcode: "LE15 6NT"},
	{Kind: models.OrgGPPractice, Name: "Hinckley Family Practice (demo)", ODSCode: "Z99005", AddressLines: "Hill Street\nHinckley", Postcode: "LE10 1DS"},
	{Kind: models.OrgGPPractice, Name: "Harborough Surgery (demo)", ODSCode: "Z99006", AddressLines: "Coventry Road\nMarket Harborough", Postcode: "LE16 9BX"},
	{Kind: models.OrgMidwiferyTeam, Name: "Leicester Royal Infirmary maternity (demo)", AddressLines: "Infirmary Square\nLeicester", Postcode: "LE1 5WW"},
	{Kind: models.OrgHealthVisiting, Name: "Healthy Together (demo)", AddressLines: "Bridge Park Plaza\nBridge Park Road\nThurmaston", Postcode: "LE4 8PQ"},
	{Kind: models.OrgOther, Name: "Leicester General Hospital (demo)", AddressLines: "Gwendolen Road\nLeicester", Postcode: "LE5 4PW"},
	{Kind: models.OrgOther, Name: "Bradgate Unit (demo)", AddressLines: "Glenfield Hospital\nGroby Road\nLeicester", Postcode: "LE3 9EJ"},
	{Kind: models.OrgWard, Name: "Bradgate Unit, Ward 3 (demo)", AddressLines: "Glenfield Hospital\nGroby Road\nLeicester", Postcode: "LE3 9EJ"},
	{Kind: models.OrgCMHT, Name: "City East CMHT (demo)", AddressLines: "Neville Centre\nLeicester General Hospital\nLeicester", Postcode: "LE5 4QF"},
	{Kind: models.OrgCMHT, Name: "County South CMHT (demo)", AddressLines: "Bridge Street\nBlaby", Postcode: "LE8 4FB"},
	{Kind: models.OrgWard, Name: "Margaret Oates Mother and Baby Unit (demo)", AddressLines: "Hucknall Road\nNottingham", Postcode: "NG5 1PB"},
	{Kind: models.OrgOther, Name: "Turning Point (demo)", AddressLines: "1 Albion Street\nLeicester", Postcode: "LE1 6GD"},
	{Kind: models.OrgOther, Name: "Adult eating disorder service (demo)", AddressLines: "Brandon Unit\nLeicester General Hospital\nLeicester", Postcode: "LE5 4PW"},
	{Kind: models.OrgOther, Name: "Children's social care (demo)", AddressLines: "City Hall\n115 Charles Street\nLeicester", Postcode: "LE1 1FZ"},
}

// addDirectory adds the demo's organisations that the directory does not
// already hold.
func (g *generator) addDirectory(tx *app.Services) error {
	for _, o := range directory {
		have, err := tx.Directory.CountOrganisations(g.actor, app.OrganisationFilter{Text: o.Name, Kind: o.Kind})
		if err != nil {
			return err
		}
		if have > 0 {
			continue
		}
		o.Demo = true
		if err := tx.Directory.AddOrganisation(g.actor, &o); err != nil {
			return err
		}
	}
	return nil
}

// demoNeeds gives some demo women communication needs, decided by the
// number (so the random draws, and the rest of the demo, stay as they
// were): about one in eight needs an interpreter, one in fifteen large
// print, and one in forty cannot be written to at home, half of those
// with a safe address.
func demoNeeds(n int) models.CommunicationNeeds {
	var needs models.CommunicationNeeds
	languages := []string{"pl", "gu", "pa", "ur", "ro", "ar", "so"}
	if n%8 == 3 {
		needs.InterpreterNeeded, needs.Language = true, languages[(n/8)%len(languages)]
	}
	if n%15 == 7 {
		needs.LargePrint = true
	}
	if n%40 == 11 {
		needs.UnsafeToWriteHome = true
		if n%80 == 11 {
			needs.SafeAddressLines, needs.SafePostcode = "c/o Family Hub (demo)\n5 Green Lane\nLeicester", "LE5 4PW"
		}
	}
	return needs
}
