package app

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	_ "image/jpeg" // signature images may be JPEG
	_ "image/png"  // or PNG

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// maxSignatureBytes bounds a signature image: it is stored with every
// letter its owner signs.
const maxSignatureBytes = 256 << 10

// CheckSignatureImage refuses anything but a PNG or JPEG image of a
// sensible size for a signature.
func CheckSignatureImage(img []byte) error {
	if len(img) > maxSignatureBytes {
		return models.NewFieldError(models.FieldSignature, "choose an image of at most %d KB; crop it to the signature", maxSignatureBytes>>10)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(img))
	if err != nil || (format != "png" && format != "jpeg") {
		return models.NewFieldError(models.FieldSignature, "choose a PNG or JPEG image")
	}
	if cfg.Width < 20 || cfg.Height < 10 || cfg.Width > 3000 || cfg.Height > 1500 {
		return models.NewFieldError(models.FieldSignature, "choose an image between 20×10 and 3000×1500 pixels; crop it to the signature")
	}
	return nil
}

// SetSignature stores staff member id's signature image (nil removes it),
// printed above their name on the letters they sign. Each person may set
// their own; a team manager may set anyone's. The audit trail keeps the
// image's SHA-256, not the image.
func (s *StaffService) SetSignature(actor *models.StaffMember, id uint, img []byte) error {
	if len(img) > 0 {
		if err := CheckSignatureImage(img); err != nil {
			return err
		}
	} else {
		img = nil
	}
	change := func(tx *gorm.DB) error {
		var m models.StaffMember
		if err := tx.First(&m, id).Error; err != nil {
			return notFound(err)
		}
		res := tx.Model(&models.StaffMember{}).Where("id = ?", id).
			Updates(map[string]any{"signature": img, "version": gorm.Expr("version + 1")})
		if res.Error != nil {
			return res.Error
		}
		detail := "signature image removed"
		if img != nil {
			sum := sha256.Sum256(img)
			detail = "signature image set, sha256 " + hex.EncodeToString(sum[:])
		}
		return s.audit(tx, actor, ActionUpdate, "staff", id, map[string]any{"signature": len(m.Signature) > 0}, map[string]any{"signature": img != nil}, detail)
	}
	if actor != nil && actor.ID != 0 && actor.ID == id && actor.Active {
		return s.transaction(change)
	}
	return s.write(actor, models.PermManageUsers, change)
}
