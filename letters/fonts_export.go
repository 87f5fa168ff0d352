package letters

import "bytes"

// Fonts returns copies of the letter typeface's regular and bold faces
// (Noto Sans), for other documents the program prints in the same type,
// such as the manager's reports. Each call returns fresh copies, since
// gofpdf writes into the bytes it is given.
func Fonts() (regular, bold []byte) {
	return bytes.Clone(fontRegular), bytes.Clone(fontBold)
}
