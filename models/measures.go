package models

import (
	"encoding/json"
	"fmt"
	"strings"
)

// MeasureDef defines one outcome measure as data: its items, what each
// response position scores, its bands and cut-offs and its risk item. A
// new measure is added by adding a MeasureDef to measureDefs (see
// measure_defs.go); nothing else needs to change. Answers are the
// positions of the chosen responses in the order the questionnaire prints
// them, 0 for the first, as DOMAIN.md ("Outcome measures") asks.
type MeasureDef struct {
	// Code is the short name stored in MeasureResult.Measure, such as "EPDS".
	Code string
	// Name is the measure's full name.
	Name string
	// SNOMED is the SNOMED CT concept for the total score (MHSDS
	// MHS607 CodedAssToolType), empty where it could not be checked.
	SNOMED string
	// SNOMEDSource says where the code was checked, or "not verified".
	SNOMEDSource string
	// Items are the questions in printed order, each with the score of
	// every response position.
	Items []MeasureItem
	// ResponseLabels names the response positions in the project's own
	// words, when every item shares one response scale; nil means items
	// are answered by position (A, B, C, D as printed on the form).
	ResponseLabels []string
	// MinItems is how many items must be answered; 0 means all of them.
	// Goal-based outcomes need at least one goal and allow up to three.
	MinItems int
	// Bands are the total's bands, each from its lower edge, ascending.
	Bands []MeasureBand
	// CutOffs are the published clinical cut-offs (a total at or above
	// the score is over it), drawn as lines on the chart.
	CutOffs []MeasureCutOff
	// Risk is the risk item and its rule, nil when the measure has none.
	Risk *MeasureRisk
	// GoalBased marks goal-based outcomes: each item is one of her goals
	// rated on its own, and change is judged per goal.
	GoalBased bool
	// MeaningfulChange is the published change in points that counts as
	// meaningful (0: none published, so the raw change is shown).
	MeaningfulChange int
	// HigherIsBetter is true when a rising score means she is better
	// (goal ratings); for the symptom measures a fall is better.
	HigherIsBetter bool
	// Routine marks the measures every woman is offered when they fall
	// due; the others fall due only once she has done them.
	Routine bool
	// Source cites the published scoring rule the definition follows.
	Source string
}

// MeasureItem is one item: its label in the project's words and the
// score of each response position (Scores[0] is the first printed).
type MeasureItem struct {
	Label  string
	Scores []int
}

// MeasureBand is a band of the total, from its lower edge.
type MeasureBand struct {
	From  int
	Label string
}

// MeasureCutOff is a clinical cut-off: a total at or above Score.
type MeasureCutOff struct {
	Score int
	Label string
}

// MeasureRisk is a measure's risk item: positive when that item scores
// at least MinScore. A positive risk item must reach a clinician the
// same day (DOMAIN.md).
type MeasureRisk struct {
	Item     int // from 0
	MinScore int
	Label    string
}

// MeasureScore is what a set of answers scores to.
type MeasureScore struct {
	// ItemScores holds each item's score, -1 for an item not answered.
	ItemScores []int
	// Total is the sum of the answered items (for goal-based outcomes, of
	// the goal ratings; see MeasureDef.GoalBased).
	Total int
	// Answered counts the items answered.
	Answered int
	// Complete is true when enough items are answered to score it.
	Complete bool
	// Band is the total's band, empty until complete.
	Band string
	// RiskPositive is true when the risk item is answered and positive,
	// whether or not the rest is complete.
	RiskPositive bool
}

// FieldMeasureAnswer is the list field of a measure's answers; its items
// are named "Item 1", "Item 2" and so on.
const (
	FieldMeasureAnswer FieldID = "measure.answers"
	FieldMeasure       FieldID = "measure.measure"
	FieldMeasureDate   FieldID = "measure.taken_on"
	FieldMeasureGoals  FieldID = "measure.goals"
)

func init() {
	fieldLabels[FieldMeasureAnswer] = fieldLabel{label: "Answers", item: "Item"}
	fieldLabels[FieldMeasure] = fieldLabel{label: "Measure"}
	fieldLabels[FieldMeasureDate] = fieldLabel{label: "Date taken"}
	fieldLabels[FieldMeasureGoals] = fieldLabel{label: "Goals", item: "Goal"}
}

// Measures returns every measure definition, in the order screens list them.
func Measures() []*MeasureDef { return measureDefs }

// MeasureByCode returns the definition with code, or nil.
func MeasureByCode(code string) *MeasureDef {
	for _, d := range measureDefs {
		if d.Code == code {
			return d
		}
	}
	return nil
}

// Responses returns how many responses item i offers.
func (d *MeasureDef) Responses(i int) int { return len(d.Items[i].Scores) }

// MaxTotal returns the highest total the measure can reach.
func (d *MeasureDef) MaxTotal() int {
	n := 0
	for _, it := range d.Items {
		n += maxOf(it.Scores)
	}
	if d.GoalBased {
		return maxOf(d.Items[0].Scores)
	}
	return n
}

func maxOf(xs []int) int {
	m := 0
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}

// Reversed reports whether item i is scored from its last printed
// response downwards (a positively worded item).
func (d *MeasureDef) Reversed(i int) bool {
	s := d.Items[i].Scores
	return len(s) > 1 && s[0] > s[len(s)-1]
}

// ResponseLabel names response position pos of item i for a chooser: the
// shared scale's words or the printed letter, with what it scores.
func (d *MeasureDef) ResponseLabel(i, pos int) string {
	score := d.Items[i].Scores[pos]
	if d.GoalBased {
		return fmt.Sprint(score)
	}
	if pos < len(d.ResponseLabels) {
		return fmt.Sprintf("%s (scores %d)", d.ResponseLabels[pos], score)
	}
	return fmt.Sprintf("Response %c as printed (scores %d)", 'A'+rune(pos), score)
}

// BandOf returns the band a total falls in, or "" when the measure has no bands.
func (d *MeasureDef) BandOf(total int) string {
	band := ""
	for _, b := range d.Bands {
		if total >= b.From {
			band = b.Label
		}
	}
	return band
}

// Score turns answers (response positions; -1 for not answered) into item
// scores, the total, the band and the risk item. It returns the score so
// far together with a FieldErrors naming each item that is missing or out
// of range, so a screen can show a running total while answers are chosen.
func (d *MeasureDef) Score(answers []int) (MeasureScore, error) {
	var errs FieldErrors
	s := MeasureScore{ItemScores: make([]int, len(d.Items))}
	if len(answers) > len(d.Items) {
		errs.Add(FieldMeasureAnswer, "%s has %d items, not %d", d.Code, len(d.Items), len(answers))
	}
	need := d.MinItems
	if need == 0 {
		need = len(d.Items)
	}
	for i := range d.Items {
		s.ItemScores[i] = -1
		pos := -1
		if i < len(answers) {
			pos = answers[i]
		}
		if pos < 0 {
			if i < need {
				errs.Add(FieldMeasureAnswer.Item(i), "choose a response")
			}
		} else if pos >= d.Responses(i) {
			errs.Add(FieldMeasureAnswer.Item(i), "choose one of the %d responses", d.Responses(i))
		} else {
			s.ItemScores[i] = d.Items[i].Scores[pos]
			s.Total += s.ItemScores[i]
			s.Answered++
		}
	}
	if d.GoalBased {
		// Goals are given in order: a gap before a rated goal is missing.
		for i := 1; i < len(d.Items); i++ {
			if s.ItemScores[i] >= 0 && s.ItemScores[i-1] < 0 && i-1 >= need {
				errs.Add(FieldMeasureAnswer.Item(i-1), "rate the goals in order, without a gap")
			}
		}
	}
	if r := d.Risk; r != nil && s.ItemScores[r.Item] >= r.MinScore {
		s.RiskPositive = true
	}
	s.Complete = len(errs) == 0
	if s.Complete {
		s.Band = d.BandOf(s.Total)
	}
	return s, errs.Err()
}

// EncodeAnswers writes answers as the JSON array MeasureResult.Answers holds.
func EncodeAnswers(answers []int) string {
	b, _ := json.Marshal(answers)
	return string(b)
}

// DecodeAnswers reads MeasureResult.Answers.
func DecodeAnswers(s string) ([]int, error) {
	var out []int
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return nil, NewFieldError(FieldMeasureAnswer, "the stored answers cannot be read")
	}
	return out, nil
}

// Def returns the result's measure definition, or nil if unknown.
func (m *MeasureResult) Def() *MeasureDef { return MeasureByCode(m.Measure) }

// AnswerList returns the result's answers, or nil if they cannot be read.
func (m *MeasureResult) AnswerList() []int {
	a, _ := DecodeAnswers(m.Answers)
	return a
}

// GoalList returns the goals of a goal-based outcome, one per entry.
func (m *MeasureResult) GoalList() []string {
	var out []string
	for _, g := range strings.Split(m.Goals, "\n") {
		if g = strings.TrimSpace(g); g != "" {
			out = append(out, g)
		}
	}
	return out
}

// ItemScores returns the score of each item of the result (-1 where not
// answered), worked out again from its answers by its definition.
func (m *MeasureResult) ItemScores() []int {
	d := m.Def()
	if d == nil {
		return nil
	}
	s, _ := d.Score(m.AnswerList())
	return s.ItemScores
}
