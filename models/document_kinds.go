package models

// DocumentCarePlan is her care plan printed in the letter layout: a
// document for her rather than a letter of the pathway. It is kept in the
// letter register like a letter, but it is not in LetterKinds: it has no
// template to edit and no place in the table of which letters fit which
// state (LetterFits).
const DocumentCarePlan LetterKind = "care-plan"

// DocumentKinds lists the documents printed in the letter layout that are
// not letters of the pathway.
var DocumentKinds = []LetterKind{DocumentCarePlan}
