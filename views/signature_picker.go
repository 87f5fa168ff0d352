package views

import (
	"bytes"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
)

// signaturePicker chooses a signature image for the letters someone signs:
// it shows the image set, and offers to choose a PNG or JPEG file instead,
// or to remove it. Nothing is saved until the dialog holding it saves.
type signaturePicker struct {
	Status *widget.Label
	Choose *widget.Button
	Remove *widget.Button
	// Preview shows the image that will be saved.
	Preview *canvas.Image

	image   []byte
	changed bool
	content fyne.CanvasObject
}

// newSignaturePicker starts from current, the image already set (nil for
// none); win holds the file chooser.
func newSignaturePicker(win fyne.Window, current []byte) *signaturePicker {
	p := &signaturePicker{image: current, Status: widget.NewLabel("")}
	p.Status.Wrapping = fyne.TextWrapWord
	p.Preview = canvas.NewImageFromResource(nil)
	p.Preview.FillMode = canvas.ImageFillContain
	p.Preview.SetMinSize(fyne.NewSize(240, 70))
	p.Choose = widget.NewButtonWithIcon("Choose image…", theme.FileImageIcon(), func() {
		chooseImageFile(win, func(data []byte) {
			if err := p.Use(data); err != nil {
				p.Status.SetText(sentence(err))
			}
		}, func(err error) { p.Status.SetText("The file could not be read. " + sentence(err)) })
	})
	p.Remove = widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), func() {
		p.image, p.changed = nil, true
		p.refresh()
	})
	p.content = container.NewVBox(p.Preview, p.Status, container.NewHBox(p.Choose, p.Remove))
	p.refresh()
	return p
}

// Use takes img as the new signature, if it is a PNG or JPEG image of a
// signature's size.
func (p *signaturePicker) Use(img []byte) error {
	if err := app.CheckSignatureImage(img); err != nil {
		return err
	}
	p.image, p.changed = img, true
	p.refresh()
	return nil
}

// refresh shows the image to be saved, and what will happen.
func (p *signaturePicker) refresh() {
	switch {
	case p.image == nil:
		p.Preview.Resource, p.Preview.Image = nil, nil
		p.Preview.Hide()
		p.Remove.Disable()
		p.Status.SetText("No signature image: letters show the name alone, with space to sign by hand.")
	default:
		p.Preview.Resource = fyne.NewStaticResource("signature", bytes.Clone(p.image))
		p.Preview.Show()
		p.Remove.Enable()
		p.Status.SetText("This image is printed above the name on the letters signed.")
	}
	if p.changed {
		p.Status.SetText(p.Status.Text + " Save to keep the change.")
	}
	p.Preview.Refresh()
}

// save stores the change, if any, for staff member id.
func (p *signaturePicker) save(s *session, id uint) error {
	if !p.changed {
		return nil
	}
	if err := s.Services.Staff.SetSignature(s.Actor, id, p.image); err != nil {
		return err
	}
	p.changed = false
	return nil
}

// mySignatureDialog lets the signed-in person set the signature image
// printed on the letters they sign.
type mySignatureDialog struct {
	*formDialog
	Picker *signaturePicker
}

// showMySignatureDialog shows the signed-in person's signature, to change.
func showMySignatureDialog(s *session) *mySignatureDialog {
	var current []byte
	if me, err := s.Services.Staff.Get(s.Actor.ID); err == nil {
		current = me.Signature
	}
	d := &mySignatureDialog{Picker: newSignaturePicker(s.Window, current)}
	intro := paragraph("Your signature is printed on the letters you sign: those telling a decision or an outcome you recorded, " +
		"including those an administrator issues on your behalf. Use a PNG or JPEG image of your signature on a white background, cropped close.")
	form := widget.NewForm(widget.NewFormItem(models.FieldSignature.Label(), d.Picker.content))
	d.formDialog = newFormDialog("My signature", "Save", 560, container.NewVBox(intro, form), s.Window,
		func() error { return d.Picker.save(s, s.Actor.ID) }, nil)
	d.Show()
	return d
}
