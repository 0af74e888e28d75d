// Package reachtest finds values reachable from another by reflection, for
// tests that prove something is gone: after Lock, no secret is reachable
// from the desk. It is for tests only.
package reachtest

import "reflect"

// Find walks v (named root in the paths it reports) and everything it
// points to, and returns the path to the first value for which bad says
// why it must not be there, or "" when there is none. Values of the types
// in skip are not entered; each pointer is followed once.
func Find(v reflect.Value, root string, bad func(reflect.Value) string, skip ...reflect.Type) string {
	seen := map[uintptr]bool{}
	var walk func(v reflect.Value, path string) string
	walk = func(v reflect.Value, path string) string {
		if !v.IsValid() {
			return ""
		}
		for _, s := range skip {
			if v.Type() == s {
				return ""
			}
		}
		if why := bad(v); why != "" {
			return path + ": " + why
		}
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() || seen[v.Pointer()] {
				return ""
			}
			seen[v.Pointer()] = true
			return walk(v.Elem(), path)
		case reflect.Interface:
			return walk(v.Elem(), path)
		case reflect.Struct:
			for i := range v.NumField() {
				if r := walk(v.Field(i), path+"."+v.Type().Field(i).Name); r != "" {
					return r
				}
			}
		case reflect.Slice, reflect.Array:
			switch v.Type().Elem().Kind() {
			case reflect.String, reflect.Pointer, reflect.Interface, reflect.Struct, reflect.Slice, reflect.Array, reflect.Map:
			default:
				return "" // numbers and bytes hold no reference
			}
			for i := range v.Len() {
				if r := walk(v.Index(i), path+"[]"); r != "" {
					return r
				}
			}
		case reflect.Map:
			it := v.MapRange()
			for it.Next() {
				if r := walk(it.Value(), path+"{}"); r != "" {
					return r
				}
			}
		}
		return ""
	}
	return walk(v, root)
}
