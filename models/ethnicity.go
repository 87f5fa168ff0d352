package models

import "slices"

// EthnicCategory is a woman's ethnic category as she states it, coded as
// the NHS Data Dictionary's data element ETHNIC CATEGORY, which MHSDS uses
// for MHS001 (https://www.datadictionary.nhs.uk/data_elements/ethnic_category.html):
// the 16+1 categories of the 2001 census as national codes A to S; Z when
// she was given the chance to state it and chose not to; and the default
// code 99 when it is not known (she was not asked, or could not be). The
// empty code means nothing has been recorded yet.
type EthnicCategory string

// EthnicNotRecorded means nothing has been recorded.
const EthnicNotRecorded EthnicCategory = ""

// EthnicCategories lists the codes in the order the data dictionary gives
// them, with Z and 99 last.
var EthnicCategories = []EthnicCategory{
	"A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "Z", "99",
}

// ethnicCategoryLabels holds the words for each code: the group, then the
// category within it.
var ethnicCategoryLabels = map[EthnicCategory]string{
	EthnicNotRecorded: "Not recorded",
	"A":               "White: British",
	"B":               "White: Irish",
	"C":               "White: any other White background",
	"D":               "Mixed: White and Black Caribbean",
	"E":               "Mixed: White and Black African",
	"F":               "Mixed: White and Asian",
	"G":               "Mixed: any other mixed background",
	"H":               "Asian or Asian British: Indian",
	"J":               "Asian or Asian British: Pakistani",
	"K":               "Asian or Asian British: Bangladeshi",
	"L":               "Asian or Asian British: any other Asian background",
	"M":               "Black or Black British: Caribbean",
	"N":               "Black or Black British: African",
	"P":               "Black or Black British: any other Black background",
	"R":               "Other ethnic group: Chinese",
	"S":               "Other ethnic group: any other ethnic group",
	"Z":               "Not stated (she chose not to say)",
	"99":              "Not known (she has not been asked)",
}

// Label returns the category in words.
func (e EthnicCategory) Label() string { return labelOf(ethnicCategoryLabels, e) }

// Valid reports whether e is one of EthnicCategories or EthnicNotRecorded.
func (e EthnicCategory) Valid() bool {
	return e == EthnicNotRecorded || slices.Contains(EthnicCategories, e)
}
