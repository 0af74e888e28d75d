//go:build linux && cgo

package main

// #include <malloc.h>
import "C"

// trimCHeap gives the C heap's free pages back to the system: the memory
// the OpenGL driver, X and GLFW freed after a burst of drawing, which glibc
// keeps otherwise.
func trimCHeap() { C.malloc_trim(0) }
