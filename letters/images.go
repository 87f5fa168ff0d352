package letters

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	stddraw "image/draw"
	"image/jpeg"
	"image/png"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/draw"

	"perinatal-caseload/models"
)

// Limits on the images a letter can carry: the trust's logo and the
// author's signature.
const (
	// MaxImageBytes is the largest image file CheckImage accepts.
	MaxImageBytes = 2 << 20
	// maxImageSide and maxImagePixels bound the decoded image, so that a
	// small file cannot unpack into an enormous picture.
	maxImageSide   = 6000
	maxImagePixels = 24_000_000
	// minImageSide is the smallest side that still prints legibly.
	minImageSide = 16
	// maxImageAspect is how many times longer one side may be than the other.
	maxImageAspect = 10
	// storedImageSide is the longest side of an image as stored: about
	// 280 dpi at the largest size a logo or signature is drawn, so that
	// it prints sharply without making every letter, and the day's print
	// run, large.
	storedImageSide = 800
)

// Image kinds, as gofpdf names them.
const (
	imagePNG  = "PNG"
	imageJPEG = "JPG"
)

// imageKind recognises a PNG or JPEG file by its first bytes.
func imageKind(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return imagePNG
	case bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}):
		return imageJPEG
	}
	return ""
}

// CheckImage checks an image chosen for the letterhead logo or for a
// signature, and returns it ready to store. It must be a PNG or JPEG file
// of at most MaxImageBytes, at least 16 pixels on each side, at most 6,000
// pixels on each side and no more than ten times as long as it is wide.
//
// The stored image is made plain, so that every letter draws it the same
// way and quickly: transparency is laid on white paper, the image is scaled
// down to at most 800 pixels on its longest side, and it is written again
// as an 8-bit PNG (or a baseline JPEG, for a JPEG), without the original's
// metadata. Errors are sentences saying what to do, for the person choosing
// the file.
func CheckImage(b []byte) ([]byte, error) {
	if len(b) == 0 {
		return nil, errors.New("the file is empty; choose a PNG or JPEG image")
	}
	if len(b) > MaxImageBytes {
		return nil, fmt.Errorf("the file is %.1f MB; choose an image of at most %d MB", float64(len(b))/(1<<20), MaxImageBytes>>20)
	}
	kind := imageKind(b)
	if kind == "" {
		return nil, errors.New("the file is not a PNG or JPEG image; save it as one of those and choose it again")
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return nil, errors.New("the image cannot be read; it may be damaged, so save it again as PNG or JPEG")
	}
	w, h := cfg.Width, cfg.Height
	switch {
	case w < minImageSide || h < minImageSide:
		return nil, fmt.Errorf("the image is %d × %d pixels; choose one at least %d pixels on each side", w, h, minImageSide)
	case w > maxImageSide || h > maxImageSide || w*h > maxImagePixels:
		return nil, fmt.Errorf("the image is %d × %d pixels; make it smaller than %d pixels on each side", w, h, maxImageSide)
	case w > maxImageAspect*h || h > maxImageAspect*w:
		return nil, fmt.Errorf("the image is %d × %d pixels, too long and thin to print; crop it", w, h)
	}
	src, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, errors.New("the image cannot be read; it may be damaged, so save it again as PNG or JPEG")
	}
	img := flattenAndShrink(src)
	var out bytes.Buffer
	if kind == imageJPEG {
		err = jpeg.Encode(&out, img, &jpeg.Options{Quality: 90})
	} else {
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&out, img)
	}
	if err != nil {
		return nil, fmt.Errorf("the image cannot be prepared for letters: %w", err)
	}
	return out.Bytes(), nil
}

// flattenAndShrink lays the image on white and scales it so that its
// longest side is at most storedImageSide pixels.
func flattenAndShrink(src image.Image) *image.RGBA {
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	if long := max(w, h); long > storedImageSide {
		w = max(1, w*storedImageSide/long)
		h = max(1, h*storedImageSide/long)
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	stddraw.Draw(dst, dst.Bounds(), &image.Uniform{C: color.White}, image.Point{}, stddraw.Src)
	if w == b.Dx() && h == b.Dy() {
		stddraw.Draw(dst, dst.Bounds(), src, b.Min, stddraw.Over)
	} else {
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, b, draw.Over, nil)
	}
	return dst
}

// picture is an image registered in a document, with its size as drawn.
type picture struct {
	name string
	w, h float64 // millimetres
}

// addImage registers an image with the document under name and returns its
// size when fitted into maxW × maxH millimetres, keeping its shape. An
// image the PDF library cannot read is refused with an error naming field.
func (d *document) addImage(name string, b []byte, maxW, maxH float64, field models.FieldID) (*picture, error) {
	kind := imageKind(b)
	if kind == "" {
		return nil, fieldErr(field, "it is not a PNG or JPEG image; choose the image again")
	}
	info := d.pdf.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: kind}, bytes.NewReader(b))
	if err := d.pdf.Error(); err != nil || info == nil {
		d.pdf.ClearError()
		return nil, fieldErr(field, "the image cannot be drawn; choose it again")
	}
	w, h := info.Width(), info.Height()
	if w <= 0 || h <= 0 {
		return nil, fieldErr(field, "the image has no size; choose it again")
	}
	scale := min(maxW/w, maxH/h)
	return &picture{name: name, w: w * scale, h: h * scale}, nil
}
