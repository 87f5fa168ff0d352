package models

// DocumentCarePlan is her care plan printed in the letter layout: a
// document for her rather than a letter of the pathway. It is kept in the
// letter register like a letter, but it is not in LetterKinds: it has no
// template to edit and no place in the table of which letters fit which
// state (LetterFits).
const DocumentCarePlan LetterKind = "care-plan"

// DocumentRecordCopy is the readable copy of everything held about her
// that the subject-access export prints in the letter layout. Unlike the
// care plan it is never kept in the register: the export writes it out.
const DocumentRecordCopy LetterKind = "record-copy"

// DocumentKinds lists the documents printed in the letter layout that are
// not letters of the pathway.
var DocumentKinds = []LetterKind{DocumentCarePlan, DocumentRecordCopy}
