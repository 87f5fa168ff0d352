package letters

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"sync"
	"testing"

	"perinatal-caseload/models"
)

// testPNG draws a w × h picture: a blue band with a dark diagonal, on a
// transparent background, so that flattening and scaling have work to do.
func testPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			switch {
			case y > h/3 && y < 2*h/3:
				img.Set(x, y, color.NRGBA{0, 94, 184, 255})
			case (x*h)/w == y:
				img.Set(x, y, color.NRGBA{33, 43, 50, 255})
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var (
	testImagesOnce          sync.Once
	testLogoPNG, testSigPNG []byte
)

// testImages prepares, once, a logo and a signature as Settings and the
// staff record would store them.
func testImages(t testing.TB) {
	t.Helper()
	testImagesOnce.Do(func() {
		var err error
		if testLogoPNG, err = CheckImage(testPNG(t, 1200, 300)); err != nil {
			t.Fatal(err)
		}
		if testSigPNG, err = CheckImage(testPNG(t, 500, 160)); err != nil {
			t.Fatal(err)
		}
	})
	if testLogoPNG == nil || testSigPNG == nil {
		t.Fatal("the test images could not be made")
	}
}

// testLogo is a logo as Settings would store it.
func testLogo(t testing.TB) []byte {
	testImages(t)
	return testLogoPNG
}

// testSignature is a signature image as the staff record would store it.
func testSignature(t testing.TB) []byte {
	testImages(t)
	return testSigPNG
}

// testJPEG encodes the test picture as a JPEG.
func testJPEG(t testing.TB, w, h int) []byte {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(testPNG(t, w, h)))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestCheckImageMakesImagesPlain(t *testing.T) {
	for _, c := range []struct {
		name string
		in   []byte
		kind string
		w, h int
	}{
		{"transparent PNG", testPNG(t, 400, 100), imagePNG, 400, 100},
		{"large PNG", testPNG(t, 3000, 600), imagePNG, 800, 160},
		{"JPEG", testJPEG(t, 1600, 1000), imageJPEG, 800, 500},
		{"tall signature", testPNG(t, 100, 900), imagePNG, 88, 800},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, err := CheckImage(c.in)
			if err != nil {
				t.Fatal(err)
			}
			if k := imageKind(out); k != c.kind {
				t.Errorf("stored as %q, want %q", k, c.kind)
			}
			img, _, err := image.Decode(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() != c.w || b.Dy() != c.h {
				t.Errorf("stored at %d × %d, want %d × %d", b.Dx(), b.Dy(), c.w, c.h)
			}
			if o, ok := img.(interface{ Opaque() bool }); ok && !o.Opaque() {
				t.Error("the stored image is not opaque")
			}
			if r, g, b, a := img.At(img.Bounds().Max.X-1, 0).RGBA(); c.kind == imagePNG && (a != 0xffff || r < 0xf000 || g < 0xf000 || b < 0xf000) {
				t.Error("the transparent corner was not laid on white")
			}
			again, err := CheckImage(out)
			if err != nil || len(again) == 0 {
				t.Errorf("the stored image is refused when checked again: %v", err)
			}
		})
	}
}

func TestCheckImageRefuses(t *testing.T) {
	var gif bytes.Buffer
	gif.WriteString("GIF89a")
	for _, c := range []struct {
		name string
		in   []byte
		want string
	}{
		{"empty", nil, "empty"},
		{"GIF", gif.Bytes(), "not a PNG or JPEG"},
		{"text", []byte("this is not an image at all"), "not a PNG or JPEG"},
		{"truncated PNG", testPNG(t, 200, 100)[:60], "cannot be read"},
		{"tiny", testPNG(t, 10, 10), "at least 16 pixels"},
		{"thin", testPNG(t, 1100, 100), "too long and thin"},
		{"huge file", append(testPNG(t, 20, 20), make([]byte, MaxImageBytes)...), "at most 2 MB"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := CheckImage(c.in)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error saying %q", err, c.want)
			}
		})
	}
	// A picture far larger than a logo needs is refused from its header,
	// before it is unpacked.
	var big bytes.Buffer
	if err := png.Encode(&big, image.NewGray(image.Rect(0, 0, 7000, 20))); err != nil {
		t.Fatal(err)
	}
	if _, err := CheckImage(big.Bytes()); err == nil || !strings.Contains(err.Error(), "smaller than 6000 pixels") {
		t.Errorf("a 7000-pixel image: %v", err)
	}
}

// TestRenderRefusesAnImageItCannotDraw names the part of the letter at
// fault, never the woman.
func TestRenderRefusesAnImageItCannotDraw(t *testing.T) {
	for _, c := range []struct {
		field  string
		change func(*Letter)
	}{
		{"settings, letterhead logo", func(l *Letter) { l.Service.Logo = []byte("not an image") }},
		{"settings, letterhead logo", func(l *Letter) { l.Service.Logo = testPNG(t, 40, 40)[:50] }},
		{"author's signature image", func(l *Letter) { l.Author.Signature = []byte{0xFF, 0xD8, 0xFF, 0, 1, 2} }},
	} {
		l := testLetter(t, models.LetterAcceptance, "Zoë Ó Súilleabháin")
		c.change(&l)
		_, err := Render(l)
		var fe *models.FieldError
		if !errors.As(err, &fe) || fe.Field.Label() != c.field {
			t.Errorf("got %v, want an error naming the %s", err, c.field)
		}
		if err != nil && strings.Contains(err.Error(), "Súilleabháin") {
			t.Errorf("the error names her: %v", err)
		}
	}
}
