package app

import (
	"strings"

	"perinatal-caseload/models"
)

// Reallocate moves a woman who has a key worker to another one. It is
// Allocate with one more rule: the move needs a reason, which the
// allocation history keeps, so anyone reading it later knows why her key
// worker changed. Going over capacity still needs confirmation.
func (s *AllocationService) Reallocate(actor *models.StaffMember, referralID, keyWorkerID uint, reason string, confirmOverCapacity bool) (*models.Allocation, error) {
	if strings.TrimSpace(reason) == "" {
		return nil, models.NewFieldError(models.FieldMoveReason, "say why she is moving to another key worker")
	}
	return s.Allocate(actor, referralID, keyWorkerID, reason, confirmOverCapacity)
}
