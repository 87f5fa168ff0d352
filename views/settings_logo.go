package views

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
)

// logoRow is the letterhead logo on the Settings screen: a preview of the
// logo letters print, a button to choose an image file and one to remove
// the logo, and the outcome.
type logoRow struct {
	Setting app.SettingView
	// Preview shows the logo as stored; Empty says there is none.
	Preview *canvas.Image
	Empty   *widget.Label
	Choose  *widget.Button
	Remove  *widget.Button
	Status  *widget.Label

	screen  *settingsScreen
	content fyne.CanvasObject
}

// newLogoRow builds the logo's row for the Settings screen.
func (s *settingsScreen) newLogoRow(v app.SettingView) *logoRow {
	r := &logoRow{Setting: v, screen: s, Status: messageLabel("")}
	r.Preview = canvas.NewImageFromResource(nil)
	r.Preview.FillMode = canvas.ImageFillContain
	r.Preview.SetMinSize(fyne.NewSize(240, 60))
	r.Empty = paragraph("No logo: letters print the service's and the trust's names only. " +
		"Choose the trust's logo as a PNG or JPEG file; it is kept in the database, so every desktop prints it.")
	r.Empty.Importance = widget.LowImportance
	r.Choose = widget.NewButtonWithIcon("Choose logo…", theme.FolderOpenIcon(), r.openChooser)
	r.Remove = widget.NewButtonWithIcon("Remove logo", theme.DeleteIcon(), r.RemoveLogo)
	r.show()
	r.content = container.NewVBox(
		container.NewStack(container.NewHBox(r.Preview), r.Empty),
		container.NewHBox(r.Choose, r.Remove),
		r.Status,
	)
	return r
}

// show displays the stored logo, or says there is none.
func (r *logoRow) show() {
	logo := r.screen.settings.Logo()
	if len(logo) == 0 {
		r.Preview.Resource = nil
		r.Preview.Hide()
		r.Empty.Show()
		r.Remove.Disable()
	} else {
		r.Preview.Resource = fyne.NewStaticResource("letterhead-logo", logo)
		r.Preview.Show()
		r.Empty.Hide()
		r.Remove.Enable()
	}
	r.Preview.Refresh()
}

// openChooser lets the person pick an image file.
func (r *logoRow) openChooser() {
	chooseImageFile(r.screen.win, r.ChooseLogo, func(err error) {
		showMessage(r.Status, "The file could not be read. "+sentence(err), true)
	})
}

// ChooseLogo stores the image data as the letterhead logo and shows it, or
// says why it was refused.
func (r *logoRow) ChooseLogo(data []byte) {
	r.outcome(r.screen.settings.SetLogo(r.screen.actor, data, r.Setting.Version), "Saved. Letters issued from now on carry this logo.")
}

// RemoveLogo takes the logo off the letterhead.
func (r *logoRow) RemoveLogo() {
	r.outcome(r.screen.settings.RemoveLogo(r.screen.actor, r.Setting.Version), "Removed. Letters issued from now on have no logo.")
}

// outcome shows the result of a change, reading the setting again so that
// its version, and after a conflict the other person's logo, are current.
func (r *logoRow) outcome(err error, done string) {
	var conflict *app.ConflictError
	if err == nil || errors.As(err, &conflict) {
		if v, ok := r.screen.view(app.SetLetterheadLogo); ok {
			r.Setting = v
		}
		r.show()
	}
	if err != nil {
		showMessage(r.Status, sentence(err), true)
		return
	}
	showMessage(r.Status, done, false)
	r.Status.Importance = widget.SuccessImportance
	r.Status.Refresh()
}
