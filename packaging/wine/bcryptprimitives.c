/*
 * bcryptprimitives.c: ProcessPrng for Wine 8.0, for `make release-check` only.
 *
 * Go's Windows runtime (1.24 and later, which need Windows 10) takes its
 * random numbers from ProcessPrng in bcryptprimitives.dll and stops at start
 * ("fatal error: bcryptprimitives.dll not found") when it is missing.
 * Windows 10 and 11 have it; Debian 12's Wine 8.0 does not (later Wine
 * versions do). scripts/release-check.sh builds this with MinGW-w64 into the
 * throw-away Wine prefix's system32, so that the released programs can be
 * started there. It is never shipped: the zip holds Motpart's programs only.
 *
 * RtlGenRandom (advapi32's SystemFunction036) is the system's CSPRNG.
 */
#include <windows.h>
#include <ntsecapi.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!RtlGenRandom(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
