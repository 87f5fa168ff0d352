package letters

import (
	"encoding/binary"
	"errors"
)

// cmapCoverage reads a TrueType font's character map and reports which
// characters of the Basic Multilingual Plane map to a real glyph (not
// .notdef). It reads the Windows Unicode subtables: format 12 (full
// repertoire) when present, otherwise format 4 (BMP).
func cmapCoverage(font []byte) (*coverage, error) {
	cmap, err := findTable(font, "cmap")
	if err != nil {
		return nil, err
	}
	if len(cmap) < 4 {
		return nil, errors.New("cmap table is truncated")
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	var fmt4, fmt12 []byte
	for i := 0; i < n; i++ {
		rec := 4 + i*8
		if rec+8 > len(cmap) {
			return nil, errors.New("cmap encoding records are truncated")
		}
		platform := binary.BigEndian.Uint16(cmap[rec:])
		encoding := binary.BigEndian.Uint16(cmap[rec+2:])
		off := int(binary.BigEndian.Uint32(cmap[rec+4:]))
		if platform != 3 || off+2 > len(cmap) {
			continue
		}
		sub := cmap[off:]
		switch format := binary.BigEndian.Uint16(sub); {
		case encoding == 10 && format == 12:
			fmt12 = sub
		case encoding == 1 && format == 4:
			fmt4 = sub
		}
	}
	c := &coverage{}
	switch {
	case fmt12 != nil:
		err = readFormat12(fmt12, c)
	case fmt4 != nil:
		err = readFormat4(fmt4, c)
	default:
		err = errors.New("no Windows Unicode character map")
	}
	if err != nil {
		return nil, err
	}
	return c, nil
}

// findTable returns the bytes of the named table of a TrueType font.
func findTable(font []byte, tag string) ([]byte, error) {
	if len(font) < 12 {
		return nil, errors.New("font file is truncated")
	}
	n := int(binary.BigEndian.Uint16(font[4:]))
	for i := 0; i < n; i++ {
		rec := 12 + i*16
		if rec+16 > len(font) {
			break
		}
		if string(font[rec:rec+4]) != tag {
			continue
		}
		off := int(binary.BigEndian.Uint32(font[rec+8:]))
		length := int(binary.BigEndian.Uint32(font[rec+12:]))
		if off < 0 || length < 0 || off+length > len(font) {
			return nil, errors.New("font table " + tag + " lies outside the file")
		}
		return font[off : off+length], nil
	}
	return nil, errors.New("font has no " + tag + " table")
}

// readFormat4 marks the characters of a format 4 (segment mapping) subtable.
func readFormat4(sub []byte, c *coverage) error {
	if len(sub) < 14 {
		return errors.New("cmap format 4 is truncated")
	}
	segX2 := int(binary.BigEndian.Uint16(sub[6:]))
	ends := 14
	starts := ends + segX2 + 2
	deltas := starts + segX2
	ranges := deltas + segX2
	if ranges+segX2 > len(sub) {
		return errors.New("cmap format 4 segments are truncated")
	}
	u16 := func(at int) (int, bool) {
		if at < 0 || at+2 > len(sub) {
			return 0, false
		}
		return int(binary.BigEndian.Uint16(sub[at:])), true
	}
	for s := 0; s < segX2; s += 2 {
		end, _ := u16(ends + s)
		start, _ := u16(starts + s)
		delta, _ := u16(deltas + s)
		rangeOff, _ := u16(ranges + s)
		for ch := start; ch <= end && ch <= 0xFFFF; ch++ {
			glyph := 0
			if rangeOff == 0 {
				glyph = (ch + delta) & 0xFFFF
			} else {
				g, ok := u16(ranges + s + rangeOff + 2*(ch-start))
				if ok && g != 0 {
					glyph = (g + delta) & 0xFFFF
				}
			}
			if glyph != 0 && ch != 0xFFFF {
				c.bits[ch/64] |= 1 << (uint(ch) % 64)
			}
		}
	}
	return nil
}

// readFormat12 marks the BMP characters of a format 12 (segmented
// coverage) subtable.
func readFormat12(sub []byte, c *coverage) error {
	if len(sub) < 16 {
		return errors.New("cmap format 12 is truncated")
	}
	groups := int(binary.BigEndian.Uint32(sub[12:]))
	if groups < 0 || 16+groups*12 > len(sub) {
		return errors.New("cmap format 12 groups are truncated")
	}
	for g := 0; g < groups; g++ {
		at := 16 + g*12
		start := binary.BigEndian.Uint32(sub[at:])
		end := binary.BigEndian.Uint32(sub[at+4:])
		glyph := binary.BigEndian.Uint32(sub[at+8:])
		for ch := start; ch <= end && ch < 0xFFFF; ch++ {
			if glyph+(ch-start) != 0 {
				c.bits[ch/64] |= 1 << (ch % 64)
			}
		}
	}
	return nil
}
