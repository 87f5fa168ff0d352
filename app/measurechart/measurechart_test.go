package measurechart

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"perinatal-caseload/models"
)

func TestRenderDrawsEachMeasure(t *testing.T) {
	on := models.NewDate(2026, 3, 2)
	for _, d := range models.Measures() {
		var rs []models.MeasureResult
		for i, total := range []int{14, 11, 8} {
			rs = append(rs, models.MeasureResult{Measure: d.Code, TakenOn: on.AddMonths(3 * i), Total: min(total, d.MaxTotal()), Answers: "[3,6,8]"})
		}
		img, err := Render(d, rs, 420, 220)
		if err != nil {
			t.Fatalf("%s: %v", d.Code, err)
		}
		if b := img.Bounds(); b.Dx() != 420 || b.Dy() != 220 {
			t.Errorf("%s: image %v", d.Code, b)
		}
		if d.Code == "EPDS" && os.Getenv("MEASURECHART_OUT") != "" {
			f, _ := os.Create(filepath.Join(os.Getenv("MEASURECHART_OUT"), "epds.png"))
			_ = png.Encode(f, img)
			f.Close()
		}
	}
	if _, err := Render(models.MeasureByCode("EPDS"), nil, 100, 100); err == nil {
		t.Error("an empty chart drawn")
	}
	if _, err := Render(models.MeasureByCode("EPDS"), []models.MeasureResult{{Measure: "EPDS", TakenOn: on, Total: 12}}, 300, 200); err != nil {
		t.Errorf("one result: %v", err)
	}
}

// BenchmarkRender draws one EPDS chart of ten results at record size.
func BenchmarkRender(b *testing.B) {
	d := models.MeasureByCode("EPDS")
	var rs []models.MeasureResult
	for k := range 10 {
		rs = append(rs, models.MeasureResult{Measure: "EPDS", TakenOn: models.NewDate(2026, 1, 5).AddDays(14 * k), Total: 8 + k})
	}
	for i := 0; i < b.N; i++ {
		if _, err := Render(d, rs, 360, 190); err != nil {
			b.Fatal(err)
		}
	}
}
