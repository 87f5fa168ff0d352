package models

// The fields of a task added by hand, besides those in fields.go.
const (
	FieldTaskDue      FieldID = "task.due_date"
	FieldTaskReferral FieldID = "task.referral"
)

func init() {
	DefineFields(map[FieldID]string{
		FieldTaskDue:      "Due",
		FieldTaskReferral: "About",
	})
}
