package letters

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"
)

// TemplateError explains why a template was refused or could not be filled
// in. Line is the line of the template at fault, or 0 if unknown.
type TemplateError struct {
	Line    int
	Problem string
}

func (e *TemplateError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Problem)
	}
	return e.Problem
}

const templateName = "letter"

// ValidateTemplate checks a letter template before it is saved. It refuses a
// template that does not parse, that uses a field not in Fields (naming the
// field, and listing those that can be used), or that uses a construct
// letters do not support (range, define, block, template). Fields are
// checked by walking the parse tree, so every branch of every {{if}} is
// checked, whatever the data.
func ValidateTemplate(body string) error {
	_, err := parseTemplate(body)
	return err
}

// Merge fills in a template with the fields and returns the letter body.
// It refuses an invalid template (see ValidateTemplate), and it refuses to
// print a field that has no value, as missingkey=error does for a map: a
// letter never goes out with a blank where a date or a name should be. A
// field used only as a condition ({{if .VideoLink}}) may be empty.
//
// The result is tidied: trailing spaces are removed and runs of blank lines
// (left by conditions that were false) become one blank line.
func Merge(body string, f Fields) (string, error) {
	t, err := parseTemplate(body)
	if err != nil {
		return "", err
	}
	t.Funcs(requireValues(t.Tree, body))
	var b strings.Builder
	if err := t.Execute(&b, f); err != nil {
		var empty *TemplateError
		if errors.As(err, &empty) {
			return "", empty
		}
		return "", &TemplateError{Problem: "the template could not be filled in: " + stripPrefix(err.Error())}
	}
	return tidy(b.String()), nil
}

// parseTemplate parses and checks a template.
func parseTemplate(body string) (*template.Template, error) {
	t, err := template.New(templateName).Option("missingkey=error").Parse(body)
	if err != nil {
		line, msg := parseErrorLine(err.Error())
		return nil, &TemplateError{Line: line, Problem: "the template does not parse: " + msg}
	}
	if len(t.Templates()) > 1 || t.Tree == nil {
		return nil, &TemplateError{Problem: "{{define}} and {{block}} are not supported in letter templates"}
	}
	c := checker{body: body}
	c.node(t.Tree.Root, true)
	if c.err != nil {
		return nil, c.err
	}
	return t, nil
}

// checker walks a parse tree and records the first problem.
type checker struct {
	body string
	err  error
}

func (c *checker) fail(pos parse.Pos, format string, args ...any) {
	if c.err == nil {
		c.err = &TemplateError{Line: lineAt(c.body, pos), Problem: fmt.Sprintf(format, args...)}
	}
}

// node checks a node. dotIsFields is false inside {{with}}, where "." is
// the value being tested rather than the fields.
func (c *checker) node(n parse.Node, dotIsFields bool) {
	switch n := n.(type) {
	case nil:
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, k := range n.Nodes {
			c.node(k, dotIsFields)
		}
	case *parse.TextNode, *parse.CommentNode:
	case *parse.ActionNode:
		c.pipe(n.Pipe, dotIsFields)
	case *parse.IfNode:
		c.pipe(n.Pipe, dotIsFields)
		c.node(n.List, dotIsFields)
		c.node(n.ElseList, dotIsFields)
	case *parse.WithNode:
		c.pipe(n.Pipe, dotIsFields)
		c.node(n.List, false)
		c.node(n.ElseList, dotIsFields)
	case *parse.RangeNode:
		c.fail(n.Pos, "{{range}} is not supported in letter templates; use {{if}}")
	case *parse.TemplateNode:
		c.fail(n.Pos, "{{template}} is not supported in letter templates")
	default:
		c.fail(n.Position(), "%s is not supported in letter templates", n.String())
	}
}

func (c *checker) pipe(p *parse.PipeNode, dotIsFields bool) {
	if p == nil {
		return
	}
	for _, cmd := range p.Cmds {
		for _, a := range cmd.Args {
			c.arg(a, dotIsFields)
		}
	}
}

func (c *checker) arg(a parse.Node, dotIsFields bool) {
	switch a := a.(type) {
	case *parse.FieldNode:
		if !dotIsFields {
			c.fail(a.Pos, "inside {{with}}, \".\" is the value itself, so write {{$.%s}} for the field %s", a.Ident[0], a.Ident[0])
			return
		}
		c.field(a.Pos, a.Ident)
	case *parse.DotNode:
		if dotIsFields {
			c.fail(a.Pos, "{{.}} would print every field at once; name the field, such as {{.FirstName}}")
		}
	case *parse.VariableNode:
		if len(a.Ident) == 1 && a.Ident[0] == "$" {
			c.fail(a.Pos, "{{$}} would print every field at once; name the field, such as {{$.FirstName}}")
		}
		if len(a.Ident) > 1 {
			if a.Ident[0] != "$" {
				c.fail(a.Pos, "write {{$.%s}} or {{.%s}} for the field %s", a.Ident[1], a.Ident[1], a.Ident[1])
				return
			}
			c.field(a.Pos, a.Ident[1:])
		}
	case *parse.ChainNode:
		c.arg(a.Node, dotIsFields)
		c.fail(a.Pos, "fields are text and have no parts: remove %q", "."+strings.Join(a.Field, "."))
	case *parse.PipeNode:
		c.pipe(a, dotIsFields)
	}
}

// field checks a field reference such as .FirstName.
func (c *checker) field(pos parse.Pos, ident []string) {
	if !isField(ident[0]) {
		c.fail(pos, "unknown field %q: the fields you can use are %s", ident[0], fieldList())
		return
	}
	if len(ident) > 1 {
		c.fail(pos, "%s is text and has no parts: write {{.%s}}", ident[0], ident[0])
	}
}

// requireValues rewrites each action that prints a single field, {{.Name}}
// or {{$.Name}}, into {{.Name | requireN}}, where requireN refuses an empty
// value with an error naming the field and the line. It returns the
// functions to add to the template. Fields inside {{with}} are not checked:
// there "." is a value already tested to be non-empty.
func requireValues(tree *parse.Tree, body string) template.FuncMap {
	funcs := template.FuncMap{}
	var walk func(n parse.Node, dotIsFields bool)
	walk = func(n parse.Node, dotIsFields bool) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n == nil {
				return
			}
			for _, k := range n.Nodes {
				walk(k, dotIsFields)
			}
		case *parse.IfNode:
			walk(n.List, dotIsFields)
			walk(n.ElseList, dotIsFields)
		case *parse.WithNode:
			walk(n.List, false)
			walk(n.ElseList, dotIsFields)
		case *parse.ActionNode:
			name, ok := printedField(n.Pipe, dotIsFields)
			if !ok {
				return
			}
			line := lineAt(body, n.Pos)
			fn := "require" + strconv.Itoa(len(funcs))
			funcs[fn] = func(v string) (string, error) {
				if strings.TrimSpace(v) == "" {
					return "", &TemplateError{Line: line, Problem: fmt.Sprintf(
						"the letter needs %s, but it has no value; fill it in, or take {{.%s}} out of the template", name, name)}
				}
				return v, nil
			}
			id := parse.NewIdentifier(fn).SetTree(tree).SetPos(n.Pos)
			n.Pipe.Cmds = append(n.Pipe.Cmds, &parse.CommandNode{NodeType: parse.NodeCommand, Pos: n.Pos, Args: []parse.Node{id}})
		}
	}
	walk(tree.Root, true)
	return funcs
}

// printedField recognises a pipeline that is just one field.
func printedField(p *parse.PipeNode, dotIsFields bool) (string, bool) {
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return "", false
	}
	switch a := p.Cmds[0].Args[0].(type) {
	case *parse.FieldNode:
		if dotIsFields && len(a.Ident) == 1 {
			return a.Ident[0], true
		}
	case *parse.VariableNode:
		if len(a.Ident) == 2 && a.Ident[0] == "$" {
			return a.Ident[1], true
		}
	}
	return "", false
}

// lineAt returns the 1-based line of a byte offset in the template.
func lineAt(body string, pos parse.Pos) int {
	p := min(max(int(pos), 0), len(body))
	return 1 + strings.Count(body[:p], "\n")
}

var parseErrRE = regexp.MustCompile(`^template: ` + templateName + `:(\d+):(?:\d+:)? ?(.*)$`)

// parseErrorLine extracts the line number and message from a text/template
// parse error.
func parseErrorLine(msg string) (int, string) {
	if m := parseErrRE.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n, m[2]
	}
	return 0, stripPrefix(msg)
}

// stripPrefix removes text/template's "template: letter:…: " prefix.
func stripPrefix(msg string) string {
	if i := strings.LastIndex(msg, ": "); strings.HasPrefix(msg, "template: ") && i >= 0 {
		return msg[i+2:]
	}
	return msg
}

var blankRuns = regexp.MustCompile(`\n{3,}`)

// tidy trims trailing spaces from each line and collapses runs of blank
// lines into one.
func tidy(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	s = blankRuns.ReplaceAllString(strings.Join(lines, "\n"), "\n\n")
	return strings.Trim(s, "\n") + "\n"
}
