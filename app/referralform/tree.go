package referralform

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// ErrTruncated is wrapped by the error for a file that ends part-way through
// the JSON, as happens when a download or copy is cut short.
var ErrTruncated = errors.New("The referral file ends part-way through, as if it was cut short")

// maxDepth bounds nesting: the format needs three levels, so anything much
// deeper is not a referral.
const maxDepth = 16

// kind is the JSON type of a value.
type kind int

const (
	kindNull kind = iota
	kindBool
	kindNumber
	kindString
	kindObject
	kindArray
)

// describe names the kind for error messages.
func (k kind) describe() string {
	switch k {
	case kindBool:
		return "true or false"
	case kindNumber:
		return "a number"
	case kindString:
		return "text"
	case kindObject:
		return "an object"
	case kindArray:
		return "a list"
	}
	return "null"
}

// member is one key and value of a JSON object, in file order.
type member struct {
	key string
	val *value
}

// value is a decoded JSON value that keeps object members in order and
// keeps repeated keys, so both can be reported.
type value struct {
	kind    kind
	boolean bool
	text    string // a string, or a number's text
	members []member
	items   []*value
}

// decode reads exactly one JSON value from data. Errors are sentences for the
// person who sent the file; truncation wraps ErrTruncated.
func decode(data []byte) (*value, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a byte-order mark some exporters add
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("The referral file is empty")
	}
	if !utf8.Valid(data) {
		return nil, errors.New("The referral file is not UTF-8 text; export it again as UTF-8 JSON")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := readValue(dec, 0)
	if err != nil {
		return nil, syntaxProblem(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("The referral file has more after the end of the referral at %s; it must hold exactly one JSON object", position(data, dec.InputOffset()))
	}
	return v, nil
}

func readValue(dec *json.Decoder, depth int) (*value, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("The JSON is nested more than %d levels deep, which no referral is", maxDepth)
	}
	tok, err := dec.Token()
	if err != nil {
		if err == io.EOF && depth > 0 {
			return nil, io.ErrUnexpectedEOF
		}
		return nil, err
	}
	switch t := tok.(type) {
	case nil:
		return &value{kind: kindNull}, nil
	case bool:
		return &value{kind: kindBool, boolean: t}, nil
	case json.Number:
		return &value{kind: kindNumber, text: t.String()}, nil
	case string:
		return &value{kind: kindString, text: t}, nil
	case json.Delim:
		v := &value{kind: kindObject}
		if t == '[' {
			v.kind = kindArray
		}
		for dec.More() {
			if v.kind == kindObject {
				keyTok, err := dec.Token()
				if err != nil {
					return nil, eofIsTruncation(err)
				}
				key, _ := keyTok.(string) // the decoder only gives string keys
				val, err := readValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				v.members = append(v.members, member{key, val})
				continue
			}
			item, err := readValue(dec, depth+1)
			if err != nil {
				return nil, err
			}
			v.items = append(v.items, item)
		}
		if _, err := dec.Token(); err != nil { // the closing bracket
			return nil, eofIsTruncation(err)
		}
		return v, nil
	}
	return nil, fmt.Errorf("unexpected JSON token %v", tok)
}

func eofIsTruncation(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// syntaxProblem turns a decoder error into a sentence with a line and column.
func syntaxProblem(data []byte, err error) error {
	var syn *json.SyntaxError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("%w: it stops at %s; ask for it to be sent again", ErrTruncated, position(data, int64(len(data))))
	case errors.As(err, &syn):
		return fmt.Errorf("The referral file is not valid JSON at %s: %s", position(data, syn.Offset), syn.Error())
	}
	return fmt.Errorf("The referral file is not valid JSON: %w", err)
}

// position gives a byte offset as "line L, column C".
func position(data []byte, offset int64) string {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	col := utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return fmt.Sprintf("line %d, column %d", line, col)
}
