package models

// labelOf returns the words that labels holds for code, or the code itself
// when it holds none, so that a value the program does not know (one
// written by a later release, say) still shows as something.
func labelOf[T ~string](labels map[T]string, code T) string {
	if l, ok := labels[code]; ok {
		return l
	}
	return string(code)
}
