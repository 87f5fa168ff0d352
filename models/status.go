package models

import (
	"fmt"
	"slices"
)

// Status is where a referral stands on the pathway.
type Status string

// The referral statuses, in pathway order.
const (
	StatusReceived         Status = "received"          // awaiting screening
	StatusDiscuss          Status = "discuss"           // for the team meeting
	StatusAccepted         Status = "accepted"          // accepted, assessment to book
	StatusAssessmentBooked Status = "assessment_booked" // initial assessment booked
	StatusMedicalReview    Status = "medical_review"    // assessed, medical review arranged
	StatusCaseload         Status = "caseload"          // open to the caseload with a key worker
	StatusNotAccepted      Status = "not_accepted"      // declined, signposted, or assessment not needed
	StatusClosed           Status = "closed"            // discharged
)

// Statuses lists every status in pathway order.
var Statuses = []Status{StatusReceived, StatusDiscuss, StatusAccepted, StatusAssessmentBooked, StatusMedicalReview, StatusCaseload, StatusNotAccepted, StatusClosed}

var transitions = map[Status][]Status{
	StatusReceived:         {StatusDiscuss, StatusAccepted, StatusNotAccepted},
	StatusDiscuss:          {StatusAccepted, StatusNotAccepted},
	StatusAccepted:         {StatusAssessmentBooked, StatusNotAccepted, StatusCaseload, StatusMedicalReview, StatusClosed},
	StatusAssessmentBooked: {StatusAccepted, StatusCaseload, StatusMedicalReview, StatusClosed},
	StatusMedicalReview:    {StatusCaseload, StatusClosed},
	StatusCaseload:         {StatusMedicalReview, StatusClosed},
	StatusNotAccepted:      {},
	StatusClosed:           {},
}

// Label returns the status in words for lists and letters.
func (s Status) Label() string { return labelOf(statusLabels, s) }

// statusLabels holds the words for each Status.
var statusLabels = map[Status]string{
	StatusReceived:         "Awaiting screening",
	StatusDiscuss:          "For team discussion",
	StatusAccepted:         "Accepted",
	StatusAssessmentBooked: "Assessment booked",
	StatusMedicalReview:    "Medical review",
	StatusCaseload:         "On caseload",
	StatusNotAccepted:      "Not accepted",
	StatusClosed:           "Closed",
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	_, ok := transitions[s]
	return ok
}

// Open reports whether the referral is still active with the service.
func (s Status) Open() bool { return s != StatusNotAccepted && s != StatusClosed }

// CanMoveTo reports whether the pathway allows moving from s to next.
func (s Status) CanMoveTo(next Status) bool {
	return slices.Contains(transitions[s], next)
}

// TransitionError is returned for a move the pathway does not allow.
type TransitionError struct{ From, To Status }

func (e *TransitionError) Error() string {
	return fmt.Sprintf("a referral that is %q cannot move to %q", e.From.Label(), e.To.Label())
}

// Transition checks a move and returns a *TransitionError if it is not allowed.
func Transition(from, to Status) error {
	if !from.Valid() || !to.Valid() || !from.CanMoveTo(to) {
		return &TransitionError{From: from, To: to}
	}
	return nil
}
