"""The eval runner and the three question sets (tests/data/README.md): the dev set all right, the tuned set at its
floor, the held-out set at the floor of its one blind score; and `komekshi eval` with the alias table off."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from knowledge.desk.cli import main
from knowledge.desk.evaluate import run_eval

DATA = Path(__file__).resolve().parents[1] / "data"
DEV = DATA / "questions-dev.jsonl"
TUNED = DATA / "questions-tuned.jsonl"
HELD_OUT = DATA / "questions-heldout-2026-11-30.jsonl"
HELD_OUT_B = DATA / "questions-heldout-2026-11-30b.jsonl"
HELD_OUT_C = DATA / "questions-heldout-2026-11-30c.jsonl"
HELD_OUT_D = DATA / "questions-heldout-2026-11-30d.jsonl"
HELD_OUT_E = DATA / "questions-heldout-2026-11-30e.jsonl"
HELD_OUT_F = DATA / "questions-heldout-2026-11-30f.jsonl"
HELD_OUT_G = DATA / "questions-heldout-2026-11-30g.jsonl"
HELD_OUT_H = DATA / "questions-heldout-2026-11-30h.jsonl"
HELD_OUT_I = DATA / "questions-heldout-2026-11-30i.jsonl"
HELD_OUT_J = DATA / "questions-heldout-2026-11-30j.jsonl"
HELD_OUT_K = DATA / "questions-heldout-2026-11-30k.jsonl"
HELD_OUT_L = DATA / "questions-heldout-2026-11-30l.jsonl"
HELD_OUT_M = DATA / "questions-heldout-2026-11-30m.jsonl"
HELD_OUT_N = DATA / "questions-heldout-2026-11-30n.jsonl"
HELD_OUT_O = DATA / "questions-heldout-2026-11-30o.jsonl"
HELD_OUT_P = DATA / "questions-heldout-2026-11-30p.jsonl"
HELD_OUT_Q = DATA / "questions-heldout-2026-11-30q.jsonl"
HELD_OUT_R = DATA / "questions-heldout-2026-11-30r.jsonl"
HELD_OUT_S = DATA / "questions-heldout-2026-11-30s.jsonl"
HELD_OUT_T = DATA / "questions-heldout-2026-11-30t.jsonl"
HELD_OUT_U = DATA / "questions-heldout-2026-11-30u.jsonl"
HELD_OUT_V = DATA / "questions-heldout-2026-11-30v.jsonl"
HELD_OUT_W = DATA / "questions-heldout-2026-11-30w.jsonl"
HELD_OUT_X = DATA / "questions-heldout-2026-11-30x.jsonl"
HELD_OUT_Y = DATA / "questions-heldout-2026-11-30y.jsonl"
HELD_OUT_Z = DATA / "questions-heldout-2026-11-30z.jsonl"
HELD_OUT_ZA = DATA / "questions-heldout-2026-11-30za.jsonl"
HELD_OUT_ZB = DATA / "questions-heldout-2026-11-30zb.jsonl"
HELD_OUT_ZC = DATA / "questions-heldout-2026-11-30zc.jsonl"
HELD_OUT_ZD = DATA / "questions-heldout-2026-11-30zd.jsonl"
HELD_OUT_ZE = DATA / "questions-heldout-2026-11-30ze.jsonl"
HELD_OUT_ZF = DATA / "questions-heldout-2026-11-30zf.jsonl"
HELD_OUT_ZG = DATA / "questions-heldout-2026-11-30zg.jsonl"
HELD_OUT_ZH = DATA / "questions-heldout-2026-11-30zh.jsonl"
HELD_OUT_ZI = DATA / "questions-heldout-2026-11-30zi.jsonl"
HELD_OUT_ZJ = DATA / "questions-heldout-2026-11-30zj.jsonl"
HELD_OUT_ZK = DATA / "questions-heldout-2026-11-30zk.jsonl"
HELD_OUT_ZL = DATA / "questions-heldout-2026-11-30zl.jsonl"
HELD_OUT_ZM = DATA / "questions-heldout-2026-11-30zm.jsonl"
HELD_OUT_ZN = DATA / "questions-heldout-2026-11-30zn.jsonl"
HELD_OUT_ZO = DATA / "questions-heldout-2026-11-30zo.jsonl"
HELD_OUT_ZP = DATA / "questions-heldout-2026-11-30zp.jsonl"
HELD_OUT_ZQ = DATA / "questions-heldout-2026-11-30zq.jsonl"
HELD_OUT_ZR = DATA / "questions-heldout-2026-11-30zr.jsonl"
HELD_OUT_ZS = DATA / "questions-heldout-2026-11-30zs.jsonl"
HELD_OUT_ZT = DATA / "questions-heldout-2026-11-30zt.jsonl"
HELD_OUT_ZU = DATA / "questions-heldout-2026-11-30zu.jsonl"
HELD_OUT_ZV = DATA / "questions-heldout-2026-11-30zv.jsonl"
HELD_OUT_ZW = DATA / "questions-heldout-2026-11-30zw.jsonl"
HELD_OUT_ZX = DATA / "questions-heldout-2026-11-30zx.jsonl"
HELD_OUT_ZY = DATA / "questions-heldout-2026-11-30zy.jsonl"
HELD_OUT_ZZ = DATA / "questions-heldout-2026-11-30zz.jsonl"
HELD_OUT_ZZA = DATA / "questions-heldout-2026-11-30zza.jsonl"
HELD_OUT_ZZB = DATA / "questions-heldout-2026-12-01a.jsonl"
HELD_OUT_ZZC = DATA / "questions-heldout-2026-12-01b.jsonl"
HELD_OUT_ZZD = DATA / "questions-heldout-2026-12-01c.jsonl"
HELD_OUT_ZZE = DATA / "questions-heldout-2026-12-01d.jsonl"
HELD_OUT_ZZF = DATA / "questions-heldout-2026-12-01g.jsonl"
HELD_OUT_ZZG = DATA / "questions-heldout-2026-12-01h.jsonl"
HELD_OUT_ZZH = DATA / "questions-heldout-2026-12-01e.jsonl"
HELD_OUT_ZZI = DATA / "questions-heldout-2026-12-01f.jsonl"
HELD_OUT_ZZJ = DATA / "questions-heldout-2026-12-01i.jsonl"
HELD_OUT_ZZK = DATA / "questions-heldout-2026-12-01j.jsonl"
HELD_OUT_ZZL = DATA / "questions-heldout-2026-12-01k.jsonl"
HELD_OUT_ZZM = DATA / "questions-heldout-2026-12-01l.jsonl"
HELD_OUT_ZZN = DATA / "questions-heldout-2026-12-01m.jsonl"
HELD_OUT_ZZO = DATA / "questions-heldout-2026-12-01n.jsonl"
HELD_OUT_ZZP = DATA / "questions-heldout-2026-12-01o.jsonl"
HELD_OUT_ZZQ = DATA / "questions-heldout-2026-12-01p.jsonl"
HELD_OUT_ZZR = DATA / "questions-heldout-2026-12-01q.jsonl"
HELD_OUT_ZZS = DATA / "questions-heldout-2026-12-01s.jsonl"
HELD_OUT_ZZT = DATA / "questions-heldout-2026-12-01r.jsonl"
HELD_OUT_ZZU = DATA / "questions-heldout-2026-12-01t.jsonl"
HELD_OUT_ZZV = DATA / "questions-heldout-2026-12-01u.jsonl"
HELD_OUT_ZZW = DATA / "questions-heldout-2026-12-01v.jsonl"
HELD_OUT_ZZX = DATA / "questions-heldout-2026-12-01w.jsonl"
HELD_OUT_ZZY = DATA / "questions-heldout-2026-12-01x.jsonl"
HELD_OUT_ZZZ = DATA / "questions-heldout-2026-12-01y.jsonl"
HELD_OUT_ZZZA = DATA / "questions-heldout-2026-12-01z.jsonl"
HELD_OUT_ZZZB = DATA / "questions-heldout-2026-12-01za.jsonl"
HELD_OUT_ZZZC = DATA / "questions-heldout-2026-12-01zb.jsonl"
HELD_OUT_ZZZD = DATA / "questions-heldout-2026-12-01zc.jsonl"
HELD_OUT_ZZZE = DATA / "questions-heldout-2026-12-01zd.jsonl"
HELD_OUT_ZZZF = DATA / "questions-heldout-2026-12-01ze.jsonl"
HELD_OUT_ZZZG = DATA / "questions-heldout-2026-12-01zf.jsonl"
HELD_OUT_ZZZH = DATA / "questions-heldout-2026-12-01zg.jsonl"
HELD_OUT_ZZZI = DATA / "questions-heldout-2026-12-01zh.jsonl"
HELD_OUT_ZZZJ = DATA / "questions-heldout-2026-12-01zi.jsonl"
HELD_OUT_ZZZK = DATA / "questions-heldout-2026-12-01zj.jsonl"
HELD_OUT_ZZZL = DATA / "questions-heldout-2026-12-01zk.jsonl"
HELD_OUT_ZZZM = DATA / "questions-heldout-2026-12-01zl.jsonl"
HELD_OUT_ZZZN = DATA / "questions-heldout-2026-12-01zm.jsonl"
HELD_OUT_ZZZO = DATA / "questions-heldout-2026-12-01zn.jsonl"
HELD_OUT_ZZZP = DATA / "questions-heldout-2026-12-01zo.jsonl"
HELD_OUT_ZZZQ = DATA / "questions-heldout-2026-12-01zp.jsonl"
HELD_OUT_ZZZR = DATA / "questions-heldout-2026-12-01zq.jsonl"
HELD_OUT_ZZZS = DATA / "questions-heldout-2026-12-01zr.jsonl"
HELD_OUT_ZZZT = DATA / "questions-heldout-2026-12-01zs.jsonl"
HELD_OUT_ZZZU = DATA / "questions-heldout-2026-12-01zt.jsonl"
HELD_OUT_ZZZV = DATA / "questions-heldout-2026-12-01zu.jsonl"
HELD_OUT_ZZZW = DATA / "questions-heldout-2026-12-01zv.jsonl"
HELD_OUT_ZZZX = DATA / "questions-heldout-2026-12-01zw.jsonl"
HELD_OUT_ZZZY = DATA / "questions-heldout-2026-12-01zx.jsonl"
HELD_OUT_ZZZZ = DATA / "questions-heldout-2026-12-01zy.jsonl"
HELD_OUT_ZZZZA = DATA / "questions-heldout-2026-12-01zz.jsonl"
HELD_OUT_ZZZZB = DATA / "questions-heldout-2026-12-01zza.jsonl"
HELD_OUT_ZZZZC = DATA / "questions-heldout-2026-12-01zzb.jsonl"
HELD_OUT_ZZZZD = DATA / "questions-heldout-2026-12-01zzc.jsonl"
HELD_OUT_ZZZZE = DATA / "questions-heldout-2026-12-01zzd.jsonl"
HELD_OUT_ZZZZF = DATA / "questions-heldout-2026-12-01zze.jsonl"
HELD_OUT_ZZZZG = DATA / "questions-heldout-2026-12-01zzf.jsonl"
HELD_OUT_ZZZZH = DATA / "questions-heldout-2026-12-01zzg.jsonl"
HELD_OUT_ZZZZI = DATA / "questions-heldout-2026-12-01zzh.jsonl"
HELD_OUT_ZZZZJ = DATA / "questions-heldout-2026-12-01zzi.jsonl"
HELD_OUT_ZZZZK = DATA / "questions-heldout-2026-12-01zzj.jsonl"
HELD_OUT_ZZZZL = DATA / "questions-heldout-2026-12-01zzk.jsonl"
HELD_OUT_ZZZZM = DATA / "questions-heldout-2026-12-01zzl.jsonl"
HELD_OUT_ZZZZN = DATA / "questions-heldout-2026-12-01zzm.jsonl"
HELD_OUT_ZZZZO = DATA / "questions-heldout-2026-12-01zzn.jsonl"
HELD_OUT_ZZZZP = DATA / "questions-heldout-2026-12-01zzo.jsonl"
HELD_OUT_ZZZZQ = DATA / "questions-heldout-2026-12-01zzp.jsonl"
HELD_OUT_ZZZZR = DATA / "questions-heldout-2026-12-01zzq.jsonl"
HELD_OUT_ZZZZS = DATA / "questions-heldout-2026-12-01zzr.jsonl"
HELD_OUT_ZZZZT = DATA / "questions-heldout-2026-12-01zzs.jsonl"
HELD_OUT_ZZZZU = DATA / "questions-heldout-2026-12-01zzt.jsonl"
HELD_OUT_ZZZZV = DATA / "questions-heldout-2026-12-01zzu.jsonl"
HELD_OUT_ZZZZW = DATA / "questions-heldout-2026-12-01zzv.jsonl"
HELD_OUT_ZZZZX = DATA / "questions-heldout-2026-12-01zzw.jsonl"
HELD_OUT_ZZZZY = DATA / "questions-heldout-2026-12-01zzx.jsonl"
HELD_OUT_ZZZZZ = DATA / "questions-heldout-2026-12-01zzy.jsonl"
HELD_OUT_ZZZZZA = DATA / "questions-heldout-2026-12-01zzz.jsonl"
HELD_OUT_ZZZZZB = DATA / "questions-heldout-2026-12-01zzza.jsonl"
HELD_OUT_ZZZZZC = DATA / "questions-heldout-2026-12-01zzzb.jsonl"
HELD_OUT_ZZZZZD = DATA / "questions-heldout-2026-12-01zzzc.jsonl"
HELD_OUT_ZZZZZE = DATA / "questions-heldout-2026-12-01zzzd.jsonl"
HELD_OUT_ZZZZZF = DATA / "questions-heldout-2026-12-01zzze.jsonl"
HELD_OUT_ZZZZZG = DATA / "questions-heldout-2026-12-01zzzf.jsonl"
HELD_OUT_ZZZZZH = DATA / "questions-heldout-2026-12-01zzzg.jsonl"
HELD_OUT_ZZZZZI = DATA / "questions-heldout-2026-12-01zzzh.jsonl"
HELD_OUT_ZZZZZJ = DATA / "questions-heldout-2026-12-01zzzi.jsonl"
HELD_OUT_ZZZZZK = DATA / "questions-heldout-2026-12-01zzzj.jsonl"
HELD_OUT_ZZZZZL = DATA / "questions-heldout-2026-12-01zzzk.jsonl"
HELD_OUT_ZZZZZM = DATA / "questions-heldout-2026-12-01zzzl.jsonl"
HELD_OUT_ZZZZZN = DATA / "questions-heldout-2026-12-01zzzm.jsonl"
HELD_OUT_ZZZZZO = DATA / "questions-heldout-2026-12-01zzzn.jsonl"
HELD_OUT_ZZZZZP = DATA / "questions-heldout-2026-12-01zzzo.jsonl"
HELD_OUT_ZZZZZQ = DATA / "questions-heldout-2026-12-01zzzp.jsonl"
HELD_OUT_ZZZZZR = DATA / "questions-heldout-2026-12-01zzzq.jsonl"
HELD_OUT_ZZZZZS = DATA / "questions-heldout-2026-12-01zzzr.jsonl"
HELD_OUT_ZZZZZT = DATA / "questions-heldout-2026-12-01zzzs.jsonl"
HELD_OUT_ZZZZZU = DATA / "questions-heldout-2026-12-01zzzt.jsonl"
HELD_OUT_ZZZZZV = DATA / "questions-heldout-2026-12-01zzzu.jsonl"
HELD_OUT_ZZZZZW = DATA / "questions-heldout-2026-12-01zzzv.jsonl"
HELD_OUT_ZZZZZX = DATA / "questions-heldout-2026-12-01zzzw.jsonl"
HELD_OUT_ZZZZZY = DATA / "questions-heldout-2026-12-01zzzx.jsonl"
HELD_OUT_ZZZZZZ = DATA / "questions-heldout-2026-12-01zzzy.jsonl"
HELD_OUT_ZZZZZZA = DATA / "questions-heldout-2026-12-01zzzz.jsonl"
HELD_OUT_ZZZZZZB = DATA / "questions-heldout-2026-12-01zzzza.jsonl"
HELD_OUT_ZZZZZZC = DATA / "questions-heldout-2026-12-01zzzzb.jsonl"
HELD_OUT_ZZZZZZD = DATA / "questions-heldout-2026-12-01zzzzc.jsonl"
HELD_OUT_ZZZZZZE = DATA / "questions-heldout-2026-12-01zzzzd.jsonl"
HELD_OUT_ZZZZZZF = DATA / "questions-heldout-2026-12-01zzzze.jsonl"
HELD_OUT_ZZZZZZG = DATA / "questions-heldout-2026-12-01zzzzf.jsonl"
HELD_OUT_ZZZZZZH = DATA / "questions-heldout-2026-12-01zzzzg.jsonl"
HELD_OUT_ZZZZZZI = DATA / "questions-heldout-2026-12-01zzzzh.jsonl"
HELD_OUT_ZZZZZZJ = DATA / "questions-heldout-2026-12-01zzzzi.jsonl"
HELD_OUT_ZZZZZZK = DATA / "questions-heldout-2026-12-01zzzzj.jsonl"
HELD_OUT_ZZZZZZL = DATA / "questions-heldout-2026-12-01zzzzk.jsonl"
HELD_OUT_ZZZZZZM = DATA / "questions-heldout-2026-12-01zzzzl.jsonl"
HELD_OUT_ZZZZZZN = DATA / "questions-heldout-2026-12-01zzzzm.jsonl"
HELD_OUT_ZZZZZZO = DATA / "questions-heldout-2026-12-01zzzzn.jsonl"
HELD_OUT_ZZZZZZP = DATA / "questions-heldout-2026-12-01zzzzo.jsonl"
HELD_OUT_ZZZZZZQ = DATA / "questions-heldout-2026-12-02a.jsonl"
HELD_OUT_ZZZZZZR = DATA / "questions-heldout-2026-12-02b.jsonl"
HELD_OUT_ZZZZZZS = DATA / "questions-heldout-2026-12-02c.jsonl"
HELD_OUT_ZZZZZZT = DATA / "questions-heldout-2026-12-02d.jsonl"
HELD_OUT_ZZZZZZU = DATA / "questions-heldout-2026-12-02e.jsonl"
HELD_OUT_ZZZZZZV = DATA / "questions-heldout-2026-12-02f.jsonl"
HELD_OUT_ZZZZZZW = DATA / "questions-heldout-2026-12-02g.jsonl"
HELD_OUT_ZZZZZZX = DATA / "questions-heldout-2026-12-02h.jsonl"
HELD_OUT_ZZZZZZY = DATA / "questions-heldout-2026-12-02i.jsonl"
HELD_OUT_ZZZZZZZ = DATA / "questions-heldout-2026-12-02j.jsonl"
HELD_OUT_ZZZZZZZA = DATA / "questions-heldout-2026-12-02k.jsonl"
HELD_OUT_ZZZZZZZB = DATA / "questions-heldout-2026-12-02l.jsonl"
HELD_OUT_ZZZZZZZC = DATA / "questions-heldout-2026-12-02m.jsonl"
HELD_OUT_ZZZZZZZD = DATA / "questions-heldout-2026-12-02n.jsonl"
HELD_OUT_ZZZZZZZE = DATA / "questions-heldout-2026-12-02o.jsonl"
HELD_OUT_ZZZZZZZF = DATA / "questions-heldout-2026-12-02p.jsonl"
HELD_OUT_ZZZZZZZG = DATA / "questions-heldout-2026-12-02q.jsonl"
HELD_OUT_ZZZZZZZH = DATA / "questions-heldout-2026-12-02r.jsonl"
HELD_OUT_ZZZZZZZI = DATA / "questions-heldout-2026-12-02s.jsonl"
HELD_OUT_ZZZZZZZJ = DATA / "questions-heldout-2026-12-02t.jsonl"
HELD_OUT_ZZZZZZZK = DATA / "questions-heldout-2026-12-02u.jsonl"
HELD_OUT_ZZZZZZZL = DATA / "questions-heldout-2026-12-02v.jsonl"
HELD_OUT_ZZZZZZZM = DATA / "questions-heldout-2026-12-02w.jsonl"
HELD_OUT_ZZZZZZZN = DATA / "questions-heldout-2026-12-02x.jsonl"
HELD_OUT_ZZZZZZZO = DATA / "questions-heldout-2026-12-02y.jsonl"
HELD_OUT_ZZZZZZZP = DATA / "questions-heldout-2026-12-02z.jsonl"
HELD_OUT_ZZZZZZZQ = DATA / "questions-heldout-2026-12-02za.jsonl"
HELD_OUT_ZZZZZZZR = DATA / "questions-heldout-2026-12-02zb.jsonl"
HELD_OUT_ZZZZZZZS = DATA / "questions-heldout-2026-12-02zc.jsonl"
HELD_OUT_ZZZZZZZT = DATA / "questions-heldout-2026-12-02zd.jsonl"
HELD_OUT_ZZZZZZZU = DATA / "questions-heldout-2026-12-02ze.jsonl"
HELD_OUT_ZZZZZZZV = DATA / "questions-heldout-2026-12-02zf.jsonl"
HELD_OUT_ZZZZZZZW = DATA / "questions-heldout-2026-12-02zg.jsonl"
HELD_OUT_ZZZZZZZX = DATA / "questions-heldout-2026-12-02zh.jsonl"
HELD_OUT_ZZZZZZZY = DATA / "questions-heldout-2026-12-02zi.jsonl"
HELD_OUT_ZZZZZZZZ = DATA / "questions-heldout-2026-12-02zj.jsonl"
HELD_OUT_ZZZZZZZZA = DATA / "questions-heldout-2026-12-02zk.jsonl"
HELD_OUT_ZZZZZZZZB = DATA / "questions-heldout-2026-12-02zl.jsonl"
HELD_OUT_ZZZZZZZZC = DATA / "questions-heldout-2026-12-02zm.jsonl"
HELD_OUT_ZZZZZZZZD = DATA / "questions-heldout-2026-12-02zn.jsonl"
HELD_OUT_ZZZZZZZZE = DATA / "questions-heldout-2026-12-02zo.jsonl"
HELD_OUT_ZZZZZZZZF = DATA / "questions-heldout-2026-12-02zp.jsonl"
HELD_OUT_ZZZZZZZZG = DATA / "questions-heldout-2026-12-02zq.jsonl"
HELD_OUT_ZZZZZZZZH = DATA / "questions-heldout-2026-12-02zr.jsonl"
HELD_OUT_ZZZZZZZZI = DATA / "questions-heldout-2026-12-02zs.jsonl"
HELD_OUT_ZZZZZZZZJ = DATA / "questions-heldout-2026-12-02zt.jsonl"
HELD_OUT_ZZZZZZZZK = DATA / "questions-heldout-2026-12-02zu.jsonl"
HELD_OUT_ZZZZZZZZL = DATA / "questions-heldout-2026-12-02zv.jsonl"
HELD_OUT_ZZZZZZZZM = DATA / "questions-heldout-2026-12-02zw.jsonl"
HELD_OUT_ZZZZZZZZN = DATA / "questions-heldout-2026-12-02zx.jsonl"
HELD_OUT_ZZZZZZZZO = DATA / "questions-heldout-2026-12-02zy.jsonl"
HELD_OUT_ZZZZZZZZP = DATA / "questions-heldout-2026-12-02zz.jsonl"
HELD_OUT_ZZZZZZZZQ = DATA / "questions-heldout-2026-12-02zza.jsonl"
HELD_OUT_ZZZZZZZZR = DATA / "questions-heldout-2026-12-02zzb.jsonl"
HELD_OUT_ZZZZZZZZS = DATA / "questions-heldout-2026-12-02zzc.jsonl"
HELD_OUT_ZZZZZZZZT = DATA / "questions-heldout-2026-12-02zzd.jsonl"
HELD_OUT_ZZZZZZZZU = DATA / "questions-heldout-2026-12-02zze.jsonl"
HELD_OUT_ZZZZZZZZV = DATA / "questions-heldout-2026-12-02zzf.jsonl"
HELD_OUT_ZZZZZZZZW = DATA / "questions-heldout-2026-12-02zzg.jsonl"
HELD_OUT_ZZZZZZZZX = DATA / "questions-heldout-2026-12-02zzh.jsonl"
HELD_OUT_ZZZZZZZZY = DATA / "questions-heldout-2026-12-02zzi.jsonl"
HELD_OUT_ZZZZZZZZZ = DATA / "questions-heldout-2026-12-02zzj.jsonl"
HELD_OUT_ZZZZZZZZZA = DATA / "questions-heldout-2026-12-02zzk.jsonl"
HELD_OUT_ZZZZZZZZZB = DATA / "questions-heldout-2026-12-02zzl.jsonl"
HELD_OUT_ZZZZZZZZZC = DATA / "questions-heldout-2026-12-02zzm.jsonl"
HELD_OUT_ZZZZZZZZZD = DATA / "questions-heldout-2026-12-02zzn.jsonl"
HELD_OUT_ZZZZZZZZZE = DATA / "questions-heldout-2026-12-02zzo.jsonl"
HELD_OUT_ZZZZZZZZZF = DATA / "questions-heldout-2026-12-02zzp.jsonl"
HELD_OUT_ZZZZZZZZZG = DATA / "questions-heldout-2026-12-02zzq.jsonl"
HELD_OUT_ZZZZZZZZZH = DATA / "questions-heldout-2026-12-02zzr.jsonl"
HELD_OUT_ZZZZZZZZZI = DATA / "questions-heldout-2026-12-02zzs.jsonl"
HELD_OUT_ZZZZZZZZZJ = DATA / "questions-heldout-2026-12-02zzt.jsonl"
HELD_OUT_ZZZZZZZZZK = DATA / "questions-heldout-2026-12-02zzu.jsonl"
HELD_OUT_ZZZZZZZZZL = DATA / "questions-heldout-2026-12-02zzv.jsonl"
SHARED_DEV = Path(__file__).resolve().parents[3] / "shared" / "dev" / "questions-dev.jsonl"

# The tuned set passes whole today (285/285): it may grow, never fall below that.
TUNED_ACCURACY_FLOOR = 1.0
# Each held-out set was scored once, blind, and its first score is a floor, never a target: it is not tuned on, so
# it is not expected to reach 100 %. (file, questions, accuracy floor, confidently-wrong ceiling, SHA-256)
HELD_OUT_SETS = [
    # 2026-11-30: 103/120 (85.8 %), 8 confidently wrong
    (HELD_OUT, 120, 0.85, 8, "4dfbf8d2c4e833da17c990a420dbbf657560ac48f74e2b134678f9095b9d9c29"),
    # 2026-11-30, before the understanding work: 135/167 (80.8 %), 15 confidently wrong
    (HELD_OUT_B, 167, 0.80, 15, "ab7aa7d7efe805e5573bd219a31abb3c37338445dd90787a18294fdca2d4e543"),
    # 2026-11-30, after the understanding work: 97/110 (88.2 %), 4 confidently wrong
    (HELD_OUT_C, 110, 0.88, 4, "9b660400f0206b0491abf881b79989525af6b82022204a37616562c4e39bfe1e"),
    # 2026-11-30, a blind writer's wider mix (incidents told as stories, day departments, acts by number): 108/140
    # (77.1 %), 7 confidently wrong
    (HELD_OUT_D, 140, 0.77, 7, "3aa3c90618561aa7ea5d84638587aec6eb26f57388598e8f88b4a66253899e8f"),
    # 2026-11-30, after the class fixes of D and the work on answers, buttons, desk and reliability: 131/150
    # (87.3 %), 5 confidently wrong
    (HELD_OUT_E, 150, 0.87, 5, "562c352ec61dc4180dff07d2382dc06aefe98fb0c49c92f950b28a5c236a06de"),
    # 2026-11-30, after E's classes were fixed; its failures not read: 109/130 (83.8 %), 7 confidently wrong
    (HELD_OUT_F, 130, 0.83, 7, "22229f0891e3250ae127b4d17389e9e6fe70733c5fb7fad139fb3830a789ea13"),
    # 2026-11-30, the last fresh set of the day; its failures not read: 106/130 (81.5 %), 8 confidently wrong
    (HELD_OUT_G, 130, 0.81, 8, "3b382c5055460b6a0b76d25318cfa6a0ba740088e04bf0a31a8aee09158a0f43"),
    # 2026-11-30, after F's classes were fixed; its failures not read: 106/130 (81.5 %), 3 confidently wrong
    (HELD_OUT_H, 130, 0.81, 3, "3baf55d0710ace943d4f486ee4eb0afc5a8495ab63efcd8a7179084e79e7939a"),
    # 2026-11-30, after G's classes were fixed; its failures not read: 114/130 (87.7 %), 4 confidently wrong
    (HELD_OUT_I, 130, 0.87, 4, "f416e431b0ab4bea9cb0c58c754c8be70937043924400249d61724b56a32d24c"),
    # 2026-11-30, after H's classes were fixed; its failures not read: 114/130 (87.7 %), 6 confidently wrong
    (HELD_OUT_J, 130, 0.87, 6, "c852a0a407cc31b63d55473735bf019ce2bdd08c0bc9e1afe05f88f2c2a96f29"),
    # 2026-11-30, after I's and J's classes were fixed: 109/130 (83.8 %), 6 confidently wrong (then read for classes)
    (HELD_OUT_K, 130, 0.83, 6, "a72b95e92e65efc122eeac8941b38e6493e0cca95a6cd5e42929e5d877a6b45a"),
    # 2026-11-30, after K's classes were fixed: 116/130 (89.2 %), 2 confidently wrong (then read for classes)
    (HELD_OUT_L, 130, 0.89, 2, "900ae6140ccb5a27cca54b351d5c82742897bb05bd464aa6e1daf47a2f3d2ba7"),
    # 2026-11-30, after L's classes were fixed: 118/130 (90.8 %), 5 confidently wrong (then read for classes)
    (HELD_OUT_M, 130, 0.90, 5, "2f26aa2aa42afbe488027076eb75ddf4989b97f3b362aec861cfb3c83aa9e05f"),
    # 2026-11-30, after M's classes were fixed: 116/130 (89.2 %), 4 confidently wrong (then read for classes)
    (HELD_OUT_N, 130, 0.89, 4, "2c169bfbda9b1e7df0f509b6424a6de4c1c4d631d05926062ac1db921221c2e6"),
    # 2026-11-30, after N's class was fixed: 121/130 (93.1 %), 5 confidently wrong (then read for classes)
    (HELD_OUT_O, 130, 0.93, 5, "3e8dca42e505f221b7bb707e56bc2c287736b9bdb8f36b1d5fa5a08050a47b68"),
    # 2026-11-30, after O's classes were fixed: 121/130 (93.1 %), 4 confidently wrong
    (HELD_OUT_P, 130, 0.93, 4, "de3860a9186f3899dd6a72d6b8448f0e37102cfcaa9be78f0c160691525997ca"),
    # 2026-11-30, after the speed work and a misspelt-position fix: 119/130 (91.5 %), 3 confidently wrong (then read
    # for classes)
    (HELD_OUT_Q, 130, 0.91, 3, "2fe09005fedfc8319b93b35bc509ffa116065e6466fe47ae0ed0e5cff9c3409c"),
    # 2026-11-30, after Q's classes were fixed and the staffing rows read whole: 123/130 (94.6 %), 1 confidently
    # wrong (then read for classes)
    (HELD_OUT_R, 130, 0.94, 1, "09c7853755d01610bab28ccb24c2ceecfe567cfb36fa11f4f03136a42ae7f9de"),
    # 2026-11-30, after R's classes were fixed: 117/130 (90.0 %), 4 confidently wrong (then read for classes)
    (HELD_OUT_S, 130, 0.90, 4, "5441270b305217c06112045c2ae9a7a90df7e9a627373954f6812f10b6fc73f4"),
    # 2026-11-30, after S's classes were fixed: 120/130 (92.3 %), 3 confidently wrong
    (HELD_OUT_T, 130, 0.92, 3, "8bfe1d27c925206e7970c43357892cbf7c19f94177db65ec09108cfa2373efb4"),
    # 2026-11-30, the session's final engine: 119/130 (91.5 %), 7 confidently wrong (read only after)
    (HELD_OUT_U, 130, 0.91, 7, "5d8e323eec73da199d3f70936d3a211b0bff51de53969e0f63bee1bab141108f"),
    # 2026-11-30 (fourth session), after the classes of Q-U (a wheelchair or a hearing aid not given, everyday
    # phrases, a procedure asked): 118/130 (90.8 %), 3 confidently wrong
    (HELD_OUT_V, 130, 0.90, 3, "496c9027ef834a754379a48ea1719086ab1207b7ece4bb5af181a17e1d884342"),
    # 2026-11-30 (fourth session), after V's classes were fixed: 119/130 (91.5 %), 3 confidently wrong
    (HELD_OUT_W, 130, 0.91, 3, "08ec8fb0d4e87ecdcf2707453b37ecda9c1aedde419b7542580085148b30ca52"),
    # 2026-11-30 (fourth session), after W's classes were fixed: 123/130 (94.6 %), 2 confidently wrong
    (HELD_OUT_X, 130, 0.94, 2, "28d7d82ff507118464aac72dba43296b9b27636609dc9df3ab70432541e27651"),
    # 2026-11-30 (fifth session), after X's classes were fixed: 118/130 (90.8 %), none confidently wrong
    (HELD_OUT_Y, 130, 0.90, 0, "cceacbdc1e6edff3998fa4e2b7b6507709124d938a5e428cfe1cd0ed7b3766dd"),
    # 2026-11-30 (fifth session), after Y's classes were fixed: 120/130 (92.3 %), 5 confidently wrong
    (HELD_OUT_Z, 130, 0.92, 5, "8409874fce23540cabf65a8ff3cadf5bfd97dd0f715bf88858575afb4a0c2f83"),
    # 2026-11-30 (fifth session), after Z's classes were fixed: 124/130 (95.4 %), 3 confidently wrong
    (HELD_OUT_ZA, 130, 0.95, 3, "de845a657c508420b257be7214761461caf0ff531fa55664517e9f4abc0670ba"),
    # 2026-11-30 (sixth session), on the engine ZA measured, criteria numbers compared as printed: 121/130 (93.1 %),
    # 2 confidently wrong
    (HELD_OUT_ZB, 130, 0.93, 2, "20401d3772a80ef978e50faa52695325d63df3342252670494fb61fee6e729eb"),
    # 2026-11-30 (sixth session), after ZB's classes were fixed: 126/130 (96.9 %), 1 confidently wrong
    (HELD_OUT_ZC, 130, 0.96, 1, "b10914e3c162f18fb13b4d59e0976ac018c252ef66a159c8c883ac26ea9c97ad"),
    # 2026-11-30 (sixth session), after ZC's classes were fixed: 118/130 (90.8 %), 5 confidently wrong
    (HELD_OUT_ZD, 130, 0.90, 5, "47958b14894ddd3f0e2fa947501fe9e7f5a53476261b871cf642905ec3a2134b"),
    # 2026-11-30 (seventh session), on the sixth session's last engine (a faster typo search, same answers):
    # 119/130 (91.5 %), 3 confidently wrong
    (HELD_OUT_ZE, 130, 0.91, 3, "adc7acac61f0ed8fe053b9d3b608d738b4d8a4c40b00c3d6fb72c924e764d26b"),
    # 2026-11-30 (seventh session), after ZE's classes were fixed: 124/130 (95.4 %), 2 confidently wrong
    (HELD_OUT_ZF, 130, 0.95, 2, "dab9cf6f2105f4e8a424360e53249f9f5531aa7727e703995fe36e3a893d019c"),
    # 2026-11-30 (seventh session), after ZF's classes were fixed: 125/130 (96.2 %), 1 confidently wrong
    (HELD_OUT_ZG, 130, 0.96, 1, "5ab411c80ddb6ce83ca4f256f85bca1c1c2e5f64cedab8914e86b13098503e39"),
    # 2026-11-30 (eighth session), on the seventh session's last engine (an English guard mended, a faster glossary
    # look-up): 128/130 (98.5 %), 1 confidently wrong
    (HELD_OUT_ZH, 130, 0.98, 1, "823ec393ef0aa1428fa7d6c84818a738401411aafcf09415d16e6aa427aedb53"),
    # 2026-11-30 (eighth session), after ZH's classes were fixed: 123/130 (94.6 %), 4 confidently wrong
    (HELD_OUT_ZI, 130, 0.94, 4, "92c53b964a6d039c9a31101a79c6922e843ff41edb9f67ae2f4c33d05c118d3e"),
    # 2026-11-30 (eighth session), after ZI's classes were fixed: 125/130 (96.2 %), 2 confidently wrong
    (HELD_OUT_ZJ, 130, 0.96, 2, "a9ee0c331bbb256d95ce687c4bfd3cb6a3601e0aae0f7ff9d013b6195bfc0397"),
    # 2026-11-30 (eighth session), after ZJ's classes were fixed: 127/130 (97.7 %), 2 confidently wrong
    (HELD_OUT_ZK, 130, 0.97, 2, "725a3471f1635581ee2964adb466267ab1eef69bc8c07118fca2c2dfc74ebd90"),
    # 2026-11-30 (eighth session), after ZK's classes were fixed: 125/130 (96.2 %), 4 confidently wrong
    (HELD_OUT_ZL, 130, 0.96, 4, "65bc9278c43a6f40cf626cf8a14f929383d2218bfccbfde6d7fbc6100b546c89"),
    # 2026-11-30 (eighth session), after ZL's classes were fixed: 126/130 (96.9 %), 2 confidently wrong
    (HELD_OUT_ZM, 130, 0.96, 2, "265dffaacf363e68a69dc473a2d4323bbcae1c21496c36934024a065d2caf8c8"),
    # 2026-11-30 (eighth session), after ZM's classes were fixed: 125/130 (96.2 %), 2 confidently wrong
    (HELD_OUT_ZN, 130, 0.96, 2, "8d7d6c2c2f018a0f1d5eb74d89af13a26b4cfe01dca5cbb0dc083fe70586ad8c"),
    # 2026-11-30 (eighth session), after ZN's classes were fixed: 121/130 (93.1 %), 4 confidently wrong
    (HELD_OUT_ZO, 130, 0.93, 4, "cdeade07e620ce0d72ad6ede66fadd5906bb43749b44c9a414d8abab603df6e9"),
    # 2026-11-30 (eighth session), after ZO's classes were fixed: 123/130 (94.6 %), none confidently wrong
    (HELD_OUT_ZP, 130, 0.94, 0, "5bac64d7b91b3901be192160af79dfd6410a6676d1b05923bd0cf3510f2b24c9"),
    # 2026-11-30 (eighth session), on the session's engine after ZP (speed work, same answers): 126/130 (96.9 %),
    # 1 confidently wrong
    (HELD_OUT_ZQ, 130, 0.96, 1, "0d5a928c71b694794a1e3f1d0bc8231fe6c6af02c4d11afb47cb0a4b036115c5"),
    # 2026-11-30 (eighth session), after ZQ's classes were fixed: 116/130 (89.2 %), 2 confidently wrong
    (HELD_OUT_ZR, 130, 0.89, 2, "075ffefae80e34fbae39023ccffeadb9932fe6712a249dae40816fb77a7b4abd"),
    # 2026-11-30 (eighth session), after ZR's classes were fixed: 127/130 (97.7 %), none confidently wrong
    (HELD_OUT_ZS, 130, 0.97, 0, "06c0f540d7d6a565e08e5b79f3527baaf46985a399f69f393715502ce3b4ca1f"),
    # 2026-11-30 (eighth session), both after ZS's classes were fixed, on one engine: ZU 125/130 (96.2 %), 2
    # confidently wrong; ZT 124/130 (95.4 %), 1 confidently wrong
    (HELD_OUT_ZT, 130, 0.95, 1, "bf4a64635921ed99a4aec098cf1855c6a3376de9d6827b146cb58a9582d654fe"),
    (HELD_OUT_ZU, 130, 0.96, 2, "b576ab9b819e4536aaef537835fafb6f22f01d4a998fe1e3bc9f9409a7302e61"),
    # 2026-11-30 (eighth session), both after ZT's and ZU's classes, on one engine: ZV 124/130 (95.4 %), 1
    # confidently wrong; ZW 124/130 (95.4 %), 1 confidently wrong
    (HELD_OUT_ZV, 130, 0.95, 1, "f683026d06cdb047393085d5c5aa17aae7b424edbd7ace28f899f9962d6c96e4"),
    (HELD_OUT_ZW, 130, 0.95, 1, "bbd8bea6aaa5f994f62841d440f45e78cf2c360e0ecb39e649c280aa839ecb9a"),
    # 2026-11-30 (eighth session), both on the session's last engine: ZX 126/130 (96.9 %), 1 confidently wrong;
    # ZY 128/130 (98.5 %), 2 confidently wrong
    (HELD_OUT_ZX, 130, 0.96, 1, "774b23f3ce9c85675b453c7e969c80314c49ef399e4da581b2e765306a71a8f3"),
    (HELD_OUT_ZY, 130, 0.98, 2, "50fb861e536420258a2f02b1d5ae7366e5b4fd4cca6824c946c4557afd38b974"),
    # 2026-11-30 (eighth session), both on one engine after ZX's and ZY's classes: ZZ 126/130 (96.9 %), 3
    # confidently wrong; ZZA 128/130 (98.5 %), 1 confidently wrong
    (HELD_OUT_ZZ, 130, 0.96, 3, "9e7f55094845d1d333fdf115a525560a588c12e1c0737227c1f8e99599473923"),
    (HELD_OUT_ZZA, 130, 0.98, 1, "f5ab7e1df8819ec6f727b3c42ceca014a1fb1360aa9bc3aaebfa01517071842a"),
    # 2026-12-01 (ninth session), both on one engine, before any class of the session was fixed: ZZB 124/130
    # (95.4 %), 2 confidently wrong; ZZC 126/130 (96.9 %), none confidently wrong
    (HELD_OUT_ZZB, 130, 0.95, 2, "4afa9995cec9b625590dfaf9b4b9c15e4e1657a30c91780bcb8b80eea3cf903a"),
    (HELD_OUT_ZZC, 130, 0.96, 0, "c296f9d23b7d003fe89545a7f776603e9f5085bc84f13111f3e2dd11f4f547ee"),
    # 2026-12-01 (ninth session), both on one engine after ZZB's and ZZC's classes: ZZD 120/130 (92.3 %), none
    # confidently wrong; ZZE 125/130 (96.2 %), 3 confidently wrong
    (HELD_OUT_ZZD, 130, 0.92, 0, "d46132e0b34ef6b30e8bd86ba1061f62cd5d57c03ad544932bfb8851eed41815"),
    (HELD_OUT_ZZE, 130, 0.96, 3, "366aece8a8afb27937f9fcad4c472322801618347780c4c589c3325d8e6e31e5"),
    # 2026-12-01 (ninth session), both on one engine after ZZD's and ZZE's classes: ZZF 121/130 (93.1 %), 3
    # confidently wrong; ZZG 121/130 (93.1 %), none confidently wrong
    (HELD_OUT_ZZF, 130, 0.93, 3, "d32f7228036a45349da51f505478706f98332b03674c2fd8e18877c9d5faf097"),
    (HELD_OUT_ZZG, 130, 0.93, 0, "9a176ab9d8f756e559381625a031177869820e19e96d953b5b6532f7b80c8773"),
    # 2026-12-01 (ninth session), both on one engine after ZZF's and ZZG's classes: ZZH 122/130 (93.8 %), 1
    # confidently wrong; ZZI 124/130 (95.4 %), 1 confidently wrong
    (HELD_OUT_ZZH, 130, 0.93, 1, "f0cb02258017480bda27f47ce22b5db78a4b009b8e2d7e2ba11dfbb4c4a3e686"),
    (HELD_OUT_ZZI, 130, 0.95, 1, "9695b31ffb701f67e92aa0c9044ecc1d9d32ca8952c3891f8b46157ca7b0968d"),
    # 2026-12-01 (ninth session), both on one engine after ZZH's and ZZI's classes: ZZJ 127/130 (97.7 %), none
    # confidently wrong; ZZK 127/130 (97.7 %), 1 confidently wrong
    (HELD_OUT_ZZJ, 130, 0.97, 0, "9f43708c6f27b5e05601497f9b491de943ee3ee67586e6118cf1c902c3c059db"),
    (HELD_OUT_ZZK, 130, 0.97, 1, "950a9405788e46f872c983fbc42d9f29e4155d2d4d1a9bfdf538a7d9c66c28cc"),
    # 2026-12-01 (ninth session), both on one engine after ZZK's class: ZZL 126/130 (96.9 %), 1 confidently wrong;
    # ZZM 130/130, none confidently wrong
    (HELD_OUT_ZZL, 130, 0.96, 1, "6e5a8ae21fff198287735635961988baf939ca97715b4c24c674a3ecba27ff53"),
    (HELD_OUT_ZZM, 130, 1.0, 0, "dc46a5d5ce19ddb602585380763faf0fd117d183ec399476926e650da3bd103a"),
    # 2026-12-01 (ninth session), both on one engine after ZZL's class: ZZN 127/130 (97.7 %), 1 confidently wrong;
    # ZZO 123/130 (94.6 %), 5 confidently wrong
    (HELD_OUT_ZZN, 130, 0.97, 1, "fc5f014a23fbcac66ba6373092e718e4a7d4363ddcc7a586bee9012900f2fbbe"),
    (HELD_OUT_ZZO, 130, 0.94, 5, "38227010d9741776ec2f4921cbdc2ec0774f7dce87e37258c67bbbbd52b42417"),
    # 2026-12-01 (ninth session), both on one engine after ZZN's and ZZO's classes: ZZP 122/130 (93.8 %), 2
    # confidently wrong; ZZQ 123/130 (94.6 %), 2 confidently wrong
    (HELD_OUT_ZZP, 130, 0.93, 2, "ffcf2c126f72c5f0784cf040edf8d9c9a89037ea0524f1c08d8fc80ae42ce9ae"),
    (HELD_OUT_ZZQ, 130, 0.94, 2, "bdf965365e02bd4bd733a82f4a14263de8857b9f35cfc10b5ae7a0c9a0d527dc"),
    # 2026-12-01 (ninth session), both on one engine after ZZP's and ZZQ's classes: ZZR 122/130 (93.8 %), 1
    # confidently wrong; ZZS 126/130 (96.9 %), 1 confidently wrong
    (HELD_OUT_ZZR, 130, 0.93, 1, "107b02f560c37bfada0a73d7721b094379e809f78940a499ae47e797c9e6fe28"),
    (HELD_OUT_ZZS, 130, 0.96, 1, "370454f3637e9299daa50a40dfcbeb996e99baa19d36a49185c5fc1f33d6ce98"),
    # 2026-12-01 (ninth session), both on one engine after ZZR's and ZZS's classes: ZZT 120/130 (92.3 %), 1
    # confidently wrong; ZZU 126/130 (96.9 %), 1 confidently wrong
    (HELD_OUT_ZZT, 130, 0.92, 1, "27ea89899ca6db44148d40c26cc021eabe111b1f3a73aa91b339c4fcb850b124"),
    (HELD_OUT_ZZU, 130, 0.96, 1, "70535f0655fba7ef1bddf94a70bbf41b4520518ed7a81a2766065049fdc2db0f"),
    # 2026-12-01 (ninth session), both on the engine ZZT and ZZU were scored on: ZZV 120/130 (92.3 %), 4
    # confidently wrong; ZZW 121/130 (93.1 %), 2 confidently wrong
    (HELD_OUT_ZZV, 130, 0.92, 4, "bc4533a576f51fdaa18455d3812da399ef237cc75c653645a68fc4f4d6d93741"),
    (HELD_OUT_ZZW, 130, 0.93, 2, "7e89a84eb31a01f66cb41fb060bde2668973a44d6141d6fa7730d6dba82ec78c"),
    # 2026-12-01 (ninth session), both on one engine after ZZV's and ZZW's classes: ZZX 128/130 (98.5 %), none
    # confidently wrong; ZZY 121/130 (93.1 %), 4 confidently wrong
    (HELD_OUT_ZZX, 130, 0.98, 0, "f7ef4fb34b3a14d38b2166f98d8fc4a83047ef3555033116ace57fa010dad659"),
    (HELD_OUT_ZZY, 130, 0.93, 4, "672469fa21c69a2abd614b780a58bb5ba0224ed4f48cfe9b1ee288293ac1197e"),
    # 2026-12-01 (ninth session), all four on one engine: ZZZ 128/130 (98.5 %), none confidently
    # wrong; ZZZA 125/130 (96.2 %), 2; ZZZB 123/130 (94.6 %), 3; ZZZC 127/130 (97.7 %), none
    (HELD_OUT_ZZZ, 130, 0.98, 0, "4fc429bc5339dbcaded3029599ba05e7af1b8a945dc16ab579b12212aa14e17c"),
    (HELD_OUT_ZZZA, 130, 0.96, 2, "84e44c3747077b51b7b6b1f5aa44da199a42b1afd385e54b0a3e2e69ae6a801e"),
    (HELD_OUT_ZZZB, 130, 0.94, 3, "6d5e1e24fdbdb7d92652e6bf042255b0c018f76746159320dd924fa6ee1a171e"),
    (HELD_OUT_ZZZC, 130, 0.97, 0, "924e90fbbdcdb44318126efbc0c9b79eb505ef018e85dfbdc7d825b4db38e362"),
    # 2026-12-01 (ninth session), all four on one engine after the round before's class (the family's lesson):
    # ZZZD 123/130 (94.6 %), 1 confidently wrong; ZZZE 120/130 (92.3 %), 2; ZZZF 130/130, none; ZZZG 123/130 (94.6 %), 1
    (HELD_OUT_ZZZD, 130, 0.94, 1, "43f8a98b70f93128b5549e46dcb7ea2cf2c8927d8576e10668485c829976d96a"),
    (HELD_OUT_ZZZE, 130, 0.92, 2, "e04937f110ed7c29e4803f9f88a4bda2aeb39c06075600bb6b302ce9ea26d3e9"),
    (HELD_OUT_ZZZF, 130, 1.0, 0, "63fabdc3b467cc2a4727ab135a9efc3b4676e9a19548ffc978ec21069bafc787"),
    (HELD_OUT_ZZZG, 130, 0.94, 1, "2a94a3c9afc6e500a4ea5b0bac64d7274df5083eeaf6686ad96a468122f5ea07"),
    # 2026-12-01 (ninth session), all four on one engine, after ZZZD-ZZZG's classes: ZZZH, ZZZI, ZZZJ 125/130
    # (96.2 %) and ZZZK 124/130 (95.4 %), one confidently wrong each
    (HELD_OUT_ZZZH, 130, 0.96, 1, "90f5ffde4e640e2e383afe2cb239da22acfd3fcb986fd54135ee8ed6b3d94174"),
    (HELD_OUT_ZZZI, 130, 0.96, 1, "4ac7c065f6fbaae536ea04a5b52957299ef5f426385d148c55f0e2e11ec1a974"),
    (HELD_OUT_ZZZJ, 130, 0.96, 1, "2b55466e661d5700f5dd5ca5c88741c28cd140f1cbd9ee754ce3535b9fb08dd4"),
    (HELD_OUT_ZZZK, 130, 0.95, 1, "527968df18fb66ba752a2c0e546ee3e75cdd27b938df78dfd9345991225245fa"),
    # 2026-12-01 (ninth session), all four on its last engine: ZZZL 127/130 (97.7 %), 2 confidently wrong; ZZZM
    # 122/130 (93.8 %), 1 confidently wrong; ZZZN 122/130 (93.8 %), 2 confidently wrong; ZZZO 126/130 (96.9 %), 1
    # confidently wrong
    (HELD_OUT_ZZZL, 130, 0.97, 2, "e697e83365fc46d6f0b847872db91f484146cfd68a4227a457d8debf013711f3"),
    (HELD_OUT_ZZZM, 130, 0.93, 1, "34634af306c9396cad7a2843ea3bb0fb1a55e0ff2c8361cc858b52c140c4b2ce"),
    (HELD_OUT_ZZZN, 130, 0.93, 2, "aa8bfe2a59c2cd55b077dfc810c1e77f4fcfc381a2c8b23d9fc72910b450a674"),
    (HELD_OUT_ZZZO, 130, 0.96, 1, "407934c19f0559093a48dbfde55808c6cdf865b05e418a81a23b3971ef3c8ebc"),
    # 2026-12-01 (tenth session), all four on its first engine: ZZZP 128/130 (98.5 %), 1 confidently wrong; ZZZQ
    # 127/130 (97.7 %), 1 confidently wrong; ZZZR 126/130 (96.9 %), 2 confidently wrong; ZZZS 126/130 (96.9 %), 1
    # confidently wrong
    (HELD_OUT_ZZZP, 130, 0.98, 1, "7e02e2f4b08563139db842252374d9cdc0d9cd1837a19e954c36716d16856e77"),
    (HELD_OUT_ZZZQ, 130, 0.97, 1, "28b55e4dcb19be4727e28ef72ed9c24d603247358974e688dffc2bbd4683bfa5"),
    (HELD_OUT_ZZZR, 130, 0.96, 2, "e26e4e2772ee3d06b821e70cc3853362bf6fc009d4134c5df4d318998ea76028"),
    (HELD_OUT_ZZZS, 130, 0.96, 1, "ed5f056e336bb6b9abd44a8c2486d91eb0563f44fc6f1a5a013074a487563dd5"),
    # 2026-12-01 (tenth session), all four on its second engine: ZZZT 125/130 (96.2 %), 0 confidently wrong; ZZZU
    # 121/130 (93.1 %), 2 confidently wrong; ZZZV 126/130 (96.9 %), 0 confidently wrong; ZZZW 126/130 (96.9 %), 0
    # confidently wrong
    (HELD_OUT_ZZZT, 130, 0.96, 0, "ea7d0571cda18137559ef34ed0a43feab31f48e8dfab09d31c6a37e04376ccf4"),
    (HELD_OUT_ZZZU, 130, 0.93, 2, "061e565199dc9f9a327ecea7c93ca8588e773866dd53bc75ab973a2e60593abf"),
    (HELD_OUT_ZZZV, 130, 0.96, 0, "8a7c50d1b40ce12a8c87a5d3dc400c35baafe4dabaf42cb09883e2397e58847a"),
    (HELD_OUT_ZZZW, 130, 0.96, 0, "8f4de071660b5ccfb18f982d3a55149cd0eac62881bd39ee83712464c0a381bb"),
    # 2026-12-01 (tenth session), all four on its third engine: ZZZX 128/130 (98.5 %), 1 confidently wrong; ZZZY
    # 128/130 (98.5 %), 0 confidently wrong; ZZZZ 129/130 (99.2 %), 0 confidently wrong; ZZZZA 127/130 (97.7 %), 1
    # confidently wrong
    (HELD_OUT_ZZZX, 130, 0.98, 1, "32ae49b2c87c9ad0fd5b3b291f72d57a84e9ccdd925b4d0f0237894eb98a9aee"),
    (HELD_OUT_ZZZY, 130, 0.98, 0, "e53e0ba8ae2d9dc56f261f8424c367527f80668a4845fc685eaf4575a5b54e95"),
    (HELD_OUT_ZZZZ, 130, 0.99, 0, "979bc47482e6007c2b193a628ad0a46440b538bdee820e06e8bae572fc58c6fc"),
    (HELD_OUT_ZZZZA, 130, 0.97, 1, "db6c48cdc97490564ad4ab132f088d3920b92fd0acd3a5b15be980a3184b7589"),
    # 2026-12-01 (tenth session), all four on its fourth engine: ZZZZB 130/130 (100.0 %), 0 confidently wrong; ZZZZC
    # 125/130 (96.2 %), 2 confidently wrong; ZZZZD 126/130 (96.9 %), 1 confidently wrong; ZZZZE 125/130 (96.2 %), 2
    # confidently wrong
    (HELD_OUT_ZZZZB, 130, 1.0, 0, "9ce9232da669a7357b166041530e611f458608edc32b32b26a82d5e1ec304244"),
    (HELD_OUT_ZZZZC, 130, 0.96, 2, "6d3f827fe02fc68d9cc7d10de8f6eb414a12a1c2a9d73d542646b081b6b2f823"),
    (HELD_OUT_ZZZZD, 130, 0.96, 1, "bf57697ee17bfe9c6d30600bd6b8f6ed246a6b4d906c0ca0cc29337de2f1b5c3"),
    (HELD_OUT_ZZZZE, 130, 0.96, 2, "5cd1243bc5cc347f81d7a201c1c2c344cdeed264635d3b82d55536266b99d4e0"),
    # 2026-12-01 (tenth session), all four on its fifth engine: ZZZZF 127/130 (97.7 %), 0 confidently wrong; ZZZZG
    # 127/130 (97.7 %), 1 confidently wrong; ZZZZH 128/130 (98.5 %), 0 confidently wrong; ZZZZI 127/130 (97.7 %), 0
    # confidently wrong
    (HELD_OUT_ZZZZF, 130, 0.97, 0, "55d856a6c657c13a97e2788ae5c26717dec6dac3206b486fa206f096d8796d2c"),
    (HELD_OUT_ZZZZG, 130, 0.97, 1, "992a17b9a476f61614987c759209a12fa3f326af14bb35c60bc3a27477b2e5d6"),
    (HELD_OUT_ZZZZH, 130, 0.98, 0, "29e11ce74bcf35e54d49280affe36f4a8c02ebe2737bb6fdeb567f708a43cb67"),
    (HELD_OUT_ZZZZI, 130, 0.97, 0, "7b3f997c1ad555edcb327393c9fbda8decef8e1e64af9727a8342fc1ac865b2f"),
    # 2026-12-01 (tenth session), all four on its sixth engine: ZZZZJ 124/130 (95.4 %), 2 confidently wrong; ZZZZK
    # 126/130 (96.9 %), 1 confidently wrong; ZZZZL 128/130 (98.5 %), 0 confidently wrong; ZZZZM 128/130 (98.5 %), 0
    # confidently wrong
    (HELD_OUT_ZZZZJ, 130, 0.95, 2, "be641ebe1aa779f0dd400cc292f6c8f7a2a0c5baeb10668ca5b53d10d6371894"),
    (HELD_OUT_ZZZZK, 130, 0.96, 1, "6a3910297489f22973f66c8e7533d7b19a9c0c7745b8c641992b1e3f41527822"),
    (HELD_OUT_ZZZZL, 130, 0.98, 0, "d56bcca1b6936a213f582184bb62ed9e4e32dbb4834bba7232e09d6f7ecaa2b7"),
    (HELD_OUT_ZZZZM, 130, 0.98, 0, "5073efeb582dcd84d671c8904c6a4afb6c53c260984a30e77c37db7a76accae9"),
    # 2026-12-01 (tenth session), all four again on its sixth engine: ZZZZN 126/130 (96.9 %), 0 confidently wrong;
    # ZZZZO 130/130 (100.0 %), 0 confidently wrong; ZZZZP 124/130 (95.4 %), 2 confidently wrong; ZZZZQ 122/130 (93.8
    # %), 3 confidently wrong
    (HELD_OUT_ZZZZN, 130, 0.96, 0, "8c6e18afe03aeb3a7bdaf398e79c520aaed9747354f8fc9cd2d54dd4f8410487"),
    (HELD_OUT_ZZZZO, 130, 1.0, 0, "4f3fcbff84beb6ed5625108405c0d3e205fb8d6d79ddec188a7a78f744b059b3"),
    (HELD_OUT_ZZZZP, 130, 0.95, 2, "8af21406f157c5a74cc4b6495554064946f6ea8a5e1c63970c9200f76de49abf"),
    (HELD_OUT_ZZZZQ, 130, 0.93, 3, "594908773be4c127bde695a1f367bf08df162eb54552fb5899d43f5b0d5b83c2"),
    # 2026-12-01 (tenth session), all four on its seventh and last engine: ZZZZR 125/130 (96.2 %), 0 confidently
    # wrong; ZZZZS 119/130 (91.5 %), 3 confidently wrong; ZZZZT 121/130 (93.1 %), 4 confidently wrong; ZZZZU 124/130
    # (95.4 %), 1 confidently wrong
    (HELD_OUT_ZZZZR, 130, 0.96, 0, "f54c04a6ee370ffda1b27ac368d7f48ea72a7de4eb6e320bfe9d83a70b89ad26"),
    (HELD_OUT_ZZZZS, 130, 0.91, 3, "b55fc960dbe92cc124f73756b629bca7f4d4cb50ab3df6cf610816dd1fb93983"),
    (HELD_OUT_ZZZZT, 130, 0.93, 4, "d4df8bf6b14956d60d108164bce9758fb150d8fa80d98c1bcb2f1b8bcbe4308b"),
    (HELD_OUT_ZZZZU, 130, 0.95, 1, "595924ce0f4d069c8f63a14a8199dabaefb433709266e7584525b35f911cda71"),
    # on 2026-12-01 at the eleventh session's start, on its first engine: ZZZZV 112/130 (86.2 %), 4 confidently wrong;
    # ZZZZW 119/130 (91.5 %), 1 confidently wrong; ZZZZX 124/130 (95.4 %), 0 confidently wrong; ZZZZY 116/130 (89.2 %),
    # 8 confidently wrong
    (HELD_OUT_ZZZZV, 130, 0.86, 4, "40c32e124bd27d85322b62a3e764214c2befbfd67d33f77e0ecde2f8218cd139"),
    (HELD_OUT_ZZZZW, 130, 0.91, 1, "3e62e3774d150c1f9366362203a0d764f468cba6935b6d095601b57d8a78feb0"),
    (HELD_OUT_ZZZZX, 130, 0.95, 0, "6d3fdb858327562c32f44a732f475fe8f689311d0a72d46fc0e49f0a2f2f21ce"),
    (HELD_OUT_ZZZZY, 130, 0.89, 8, "24208b0f130b5d08565ab3133ee621d9f275bf1d663167a405b5213ca563346b"),
    # on 2026-12-01 in the eleventh session, after ZZZZV–ZZZZY's classes were fixed: ZZZZZ 126/130 (96.9 %), 1
    # confidently wrong; ZZZZZA 120/130 (92.3 %), 2 confidently wrong; ZZZZZB 125/130 (96.2 %), 1 confidently wrong;
    # ZZZZZC 121/130 (93.1 %), 3 confidently wrong
    (HELD_OUT_ZZZZZ, 130, 0.96, 1, "a77bb2e9d19a403764f0bbe69689041e4f172c57cfd4a37a8dbcfdd7ce7535e9"),
    (HELD_OUT_ZZZZZA, 130, 0.92, 2, "5929df4395916c255677118076496730dcf880889a7ce2bf14a2d34486d94c8b"),
    (HELD_OUT_ZZZZZB, 130, 0.96, 1, "0d2640cd6a017d9775066addac68985049a52b206145d5d266737d4c1ff4f655"),
    (HELD_OUT_ZZZZZC, 130, 0.93, 3, "c52d4d7690c5eaa5c701927049b3aaec8f4aa21f7a7c038e61b6cf35dfc7729e"),
    # on 2026-12-01 in the eleventh session, after ZZZZZ–ZZZZZC's classes were fixed: ZZZZZD 127/130 (97.7 %), 0
    # confidently wrong; ZZZZZE 119/130 (91.5 %), 5 confidently wrong; ZZZZZF 127/130 (97.7 %), 2 confidently wrong;
    # ZZZZZG 122/130 (93.8 %), 2 confidently wrong
    (HELD_OUT_ZZZZZD, 130, 0.97, 0, "cb117caabfd5dde42ec4464aabf0eadc9d05044173833d3d69de7bda21442ba4"),
    (HELD_OUT_ZZZZZE, 130, 0.91, 5, "993f75b11c312c99f0920892d743434bf43ddaf61fbfd8009be619dffd7e300e"),
    (HELD_OUT_ZZZZZF, 130, 0.97, 2, "81b5b3a950da66e35e499b84cbf33c9e3d5c23702a483948166c2bdb28424477"),
    (HELD_OUT_ZZZZZG, 130, 0.93, 2, "cbbd9a77f2b39d8a155e144007e35594a0d89c6ba736f56635f0d9df8089cdd2"),
    # on 2026-12-01 in the eleventh session, after ZZZZZD–ZZZZZG's classes were fixed: ZZZZZH 117/130 (90.0 %), 2
    # confidently wrong; ZZZZZI 123/130 (94.6 %), 2 confidently wrong; ZZZZZJ 120/130 (92.3 %), 3 confidently wrong;
    # ZZZZZK 126/130 (96.9 %), 1 confidently wrong
    (HELD_OUT_ZZZZZH, 130, 0.9, 2, "039f7efe48afa5d665a5ef0279f977f189ffedf959b94f243129146d2ca2dc70"),
    (HELD_OUT_ZZZZZI, 130, 0.94, 2, "a83396b39cbad19f224b8e95d13c80c8494cbea886617146b7d2916d9b524e80"),
    (HELD_OUT_ZZZZZJ, 130, 0.92, 3, "41104dd031e3be8557fb616b6e2cdde8cb317e75853b06e1d9a4ad373dc7a113"),
    (HELD_OUT_ZZZZZK, 130, 0.96, 1, "4871ef68c31be24f9769f5c9d93ef437ace6fa41544c1eb5f33ce50c18a89893"),
    # on 2026-12-01 in the eleventh session, after ZZZZZH–ZZZZZK's classes were fixed: ZZZZZL 126/130 (96.9 %), 1
    # confidently wrong; ZZZZZM 121/130 (93.1 %), 3 confidently wrong; ZZZZZN 122/130 (93.8 %), 2 confidently wrong;
    # ZZZZZO 124/130 (95.4 %), 1 confidently wrong
    (HELD_OUT_ZZZZZL, 130, 0.96, 1, "658e40ba04dcaa9380932238414384726341a8c9cda73ccf992579d92dbbfad2"),
    (HELD_OUT_ZZZZZM, 130, 0.93, 3, "8816f1d42ec9d3b1ba2903e993078d9f2441fae37ce24b501dd1c0ba3e1d7d91"),
    (HELD_OUT_ZZZZZN, 130, 0.93, 2, "88fd74256005cb0fdb98a44f7e873a47236b90e4725d2f4ea189dfeff5dd92f1"),
    (HELD_OUT_ZZZZZO, 130, 0.95, 1, "18c1db85f3a62ba055cea964bb882a63182b57e1eedc932bd44cb552f46cff29"),
    # on 2026-12-01 in the eleventh session, after ZZZZZL–ZZZZZO's classes were fixed: ZZZZZP 123/130 (94.6 %), 2
    # confidently wrong; ZZZZZQ 126/130 (96.9 %), 1 confidently wrong; ZZZZZR 121/130 (93.1 %), 3 confidently wrong;
    # ZZZZZS 122/130 (93.8 %), 3 confidently wrong
    (HELD_OUT_ZZZZZP, 130, 0.94, 2, "825513b0b9004ce7e59c6484791448a557f4530b5dedfd6e7901ac78b86ee75c"),
    (HELD_OUT_ZZZZZQ, 130, 0.96, 1, "a16f3dc10299484e573aadbbafde1483b368d71f2d49fec19a1ce782fee6f197"),
    (HELD_OUT_ZZZZZR, 130, 0.93, 3, "3b105bf0bf3385f887610ee3e8f0bd70347f5412570307201494b4f9f653f764"),
    (HELD_OUT_ZZZZZS, 130, 0.93, 3, "bcaa87089d5df86c4d0bff6dbc2e51e9903e8842bcc1e933a23bc534e70361c0"),
    # on 2026-12-01 in the eleventh session, after ZZZZZP–ZZZZZS's classes were fixed: ZZZZZT 129/130 (99.2 %), 0
    # confidently wrong; ZZZZZU 124/130 (95.4 %), 1 confidently wrong; ZZZZZV 125/130 (96.2 %), 0 confidently wrong;
    # ZZZZZW 124/130 (95.4 %), 1 confidently wrong
    (HELD_OUT_ZZZZZT, 130, 0.99, 0, "3ce6960005ea24a962e8d51677ee4a8b918410e6b1bb97e6dd86e56b0573f52b"),
    (HELD_OUT_ZZZZZU, 130, 0.95, 1, "365d4ce33574bd436aef226550128d33d070b101d736e050f3a98f043360b609"),
    (HELD_OUT_ZZZZZV, 130, 0.96, 0, "b4e57fc9b7d63e167d92df43b1443c99ecc3e588109eee14738572cd3ff96d09"),
    (HELD_OUT_ZZZZZW, 130, 0.95, 1, "c45c5e4d1f75be44004ccc2d5212f131808e396f143b5d75f7c7255b831ac2fd"),
    # on 2026-12-01 in the eleventh session, after ZZZZZT–ZZZZZW's classes were fixed: ZZZZZX 124/130 (95.4 %), 1
    # confidently wrong; ZZZZZY 126/130 (96.9 %), 0 confidently wrong; ZZZZZZ 120/130 (92.3 %), 1 confidently wrong;
    # ZZZZZZA 126/130 (96.9 %), 1 confidently wrong
    (HELD_OUT_ZZZZZX, 130, 0.95, 1, "cda523052a071cc8e06dccc3e60a43daabc407c74b3a0b9bb087407c91ae5ecf"),
    (HELD_OUT_ZZZZZY, 130, 0.96, 0, "7d29919c315184fa59e4071ca66b4e62deffdd834fd666aa3b80feddea74671c"),
    (HELD_OUT_ZZZZZZ, 130, 0.92, 1, "83b98fb74c313703ae335e41cf1ff86f1023e4fe5b83372919762dda34c76fba"),
    (HELD_OUT_ZZZZZZA, 130, 0.96, 1, "06af12bc999da2746a5edbc38aba7ae05ee13be4fc7156047c81db178c99111f"),
    # on 2026-12-01 in the eleventh session, after ZZZZZX–ZZZZZZA's classes were fixed: ZZZZZZB 123/130 (94.6 %), 2
    # confidently wrong; ZZZZZZC 126/130 (96.9 %), 0 confidently wrong; ZZZZZZD 121/130 (93.1 %), 1 confidently wrong;
    # ZZZZZZE 126/130 (96.9 %), 1 confidently wrong
    (HELD_OUT_ZZZZZZB, 130, 0.94, 2, "1c1c6f9fdad75541445cdb0c1e80efdc0357b65639bcbd707f6117190cc76902"),
    (HELD_OUT_ZZZZZZC, 130, 0.96, 0, "11370756ec16a8351029654ea029343a91da533830ee2eeebda41c68761beb94"),
    (HELD_OUT_ZZZZZZD, 130, 0.93, 1, "4bb6ee2abcae0ba1086c8a73cd0f6624f950494ce7ecac3911aeb3d05ee9ad7e"),
    (HELD_OUT_ZZZZZZE, 130, 0.96, 1, "0638726c76351ee0254246163706754fe70e18199e1c0e45f47f89f2bf2771cd"),
    # on 2026-12-01 at the eleventh session's end, on its last engine: ZZZZZZF 126/130 (96.9 %), 0 confidently wrong;
    # ZZZZZZG 123/130 (94.6 %), 2 confidently wrong; ZZZZZZH 121/130 (93.1 %), 5 confidently wrong; ZZZZZZI 123/130
    # (94.6 %), 1 confidently wrong
    (HELD_OUT_ZZZZZZF, 130, 0.96, 0, "b69daf70209820152f0c434ddc5842d64fa3118958676049e10f955170ce5c06"),
    (HELD_OUT_ZZZZZZG, 130, 0.94, 2, "c89c42d4ad38892fd725c5ec70bbc5f54e054d80278757e1cd9eb20be39f8a39"),
    (HELD_OUT_ZZZZZZH, 130, 0.93, 5, "a9ca65338f4cfc1241324a6d9c66b3fbbeff09fa858357de8a576beaed06f6af"),
    (HELD_OUT_ZZZZZZI, 130, 0.94, 1, "30a5b32a9e2a4a1d79f091441a19f07d9c84dd050021c5e81ca3ad3a1cbbc9a6"),
    # scored once on 2026-12-01 in the twelfth session, on its first engine, with the three others of its
    # round: ZZZZZZJ 123/130 (94.6 %), 3 confidently wrong; ZZZZZZK 124/130 (95.4 %), 3 confidently wrong; ZZZZZZL
    # 118/130 (90.8 %), 0 confidently wrong; ZZZZZZM 128/130 (98.5 %), 0 confidently wrong
    (HELD_OUT_ZZZZZZJ, 130, 0.94, 3, "96515c64bed0f604aaf670be8c3e4b55e792a6d0fadc9a62527b6d63d803b26e"),
    (HELD_OUT_ZZZZZZK, 130, 0.95, 3, "81fe9ab76777d73fa88679c587aec14618df8ca932bad9dbc5827bcda13e987c"),
    (HELD_OUT_ZZZZZZL, 130, 0.90, 0, "6f48035a0736f5ea484d1e227d8aecd457b39ab33904b7dacb70828c71afb659"),
    (HELD_OUT_ZZZZZZM, 130, 0.98, 0, "db1bfff39b71652fed44d4880a099e820970913ec4b3ec36691b71cc405ac790"),
    # scored once on 2026-12-01 at the twelfth session's end, on its last engine, with the others of its
    # round: ZZZZZZN 125/130 (96.2 %), 1 confidently wrong; ZZZZZZO 126/130 (96.9 %), 1 confidently wrong; ZZZZZZP
    # 126/130 (96.9 %), 1 confidently wrong
    (HELD_OUT_ZZZZZZN, 130, 0.96, 1, "47bdc0f5ed51068443c58c68ee911973d33fe60c148e3a2dd17b46e5cf6189de"),
    (HELD_OUT_ZZZZZZO, 130, 0.96, 1, "8c7eadd85db1d6fe7e51a78e76422bdcf24ed28fa7a2f1c5a6d9fe0fd78f9d8c"),
    (HELD_OUT_ZZZZZZP, 130, 0.96, 1, "6eec1e747d4be0fff99d6ca5d830b5d2747869aa7da785ea802f2c96abd944f1"),
    # scored once on 2026-12-02 in the thirteenth session, on its first engine (the twelfth session's last), with the
    # three others of its round: ZZZZZZQ 125/130 (96.2 %), 0 confidently wrong; ZZZZZZR 125/130 (96.2 %), 2 confidently
    # wrong; ZZZZZZS 115/130 (88.5 %), 2 confidently wrong; ZZZZZZT 118/130 (90.8 %), 2 confidently wrong
    (HELD_OUT_ZZZZZZQ, 130, 0.96, 0, "642f2d44f22eff1aea45043c3fa4c659da30dabf578bc1219de8c064bf0485e9"),
    (HELD_OUT_ZZZZZZR, 130, 0.96, 2, "a2857d5883311d3dd6a2ec3f0a83bd2832ae5ce73f67f6ae76e383e12e77f3cf"),
    (HELD_OUT_ZZZZZZS, 130, 0.88, 2, "8de9b39da99d6fe30d174161dfbd52466a1ec1d45dc52e5d16ff7eaf459ef0d5"),
    (HELD_OUT_ZZZZZZT, 130, 0.90, 2, "8b9cc84270dcd7d8a26cb4191cde47f34707ae5959e84ad3d4f1d97c1aaa1fa9"),
    # scored once on 2026-12-02 in the thirteenth session, after ZZZZZZQ–T's classes were fixed, with the others of
    # its round: ZZZZZZU 128/130 (98.5 %), 0 confidently wrong; ZZZZZZV 122/130 (93.8 %), 1 confidently wrong;
    # ZZZZZZW 125/130 (96.2 %), 1 confidently wrong; ZZZZZZX 126/130 (96.9 %), 0 confidently wrong
    (HELD_OUT_ZZZZZZU, 130, 0.98, 0, "4172fba28355072e635469bc23813bb853f294935577fe0cae9e05ffdf38d39c"),
    (HELD_OUT_ZZZZZZV, 130, 0.93, 1, "3631d3b48c7251ba44b30ac0404ce75599f7bfb8e15c32e66b1c50f44dcc7bc9"),
    (HELD_OUT_ZZZZZZW, 130, 0.96, 1, "9a664f74a23b13c0deb7ec93a0c954fbd12fe4e08dcda4388e10fd82dde8d25c"),
    (HELD_OUT_ZZZZZZX, 130, 0.96, 0, "7f7054d13da5e675eaab3930ce17bf039bc1088664ea3e96d31ef09db126ff8a"),
    # scored once on 2026-12-02 in the thirteenth session, after ZZZZZZU–X's classes were fixed, with the others of
    # its round: ZZZZZZY 123/130 (94.6 %), 0 confidently wrong; ZZZZZZZ 120/130 (92.3 %), 3 confidently wrong;
    # ZZZZZZZA 121/130 (93.1 %), 3 confidently wrong; ZZZZZZZB 125/130 (96.2 %), 0 confidently wrong
    (HELD_OUT_ZZZZZZY, 130, 0.94, 0, "0a2d1dbf43c8d9feb6bb0b16621bf7474403c7f8289fff5625022f2f535bcfed"),
    (HELD_OUT_ZZZZZZZ, 130, 0.92, 3, "b1fec0b0424b701b4d2d7d237798eafc90217a230850c939ad6fb0b38a5f4952"),
    (HELD_OUT_ZZZZZZZA, 130, 0.93, 3, "48f75e045f95af2b3d1e752f22f188da375bca3b6de9d9481473e3bf75b2db2d"),
    (HELD_OUT_ZZZZZZZB, 130, 0.96, 0, "ba43d7f3cf8c569536014e12a43728c6dbe39ee7a6b7c85f931cabb114531831"),
    # scored once on 2026-12-02 at the thirteenth session's end, on its last engine, with the others of its round:
    # ZZZZZZZC 123/130 (94.6 %), 3 confidently wrong; ZZZZZZZD 118/130 (90.8 %), 1 confidently wrong; ZZZZZZZE 128/130
    # (98.5 %), 1 confidently wrong; ZZZZZZZF 119/130 (91.5 %), 3 confidently wrong
    (HELD_OUT_ZZZZZZZC, 130, 0.94, 3, "2bb7617a5dc5459495ec48df132395cdcdcd2cb142135282f71062d4d287a946"),
    (HELD_OUT_ZZZZZZZD, 130, 0.90, 1, "6432b2f3806d65cc7acf4b0eedbedd68493eb9c468d026e392c03bd809f48ecc"),
    (HELD_OUT_ZZZZZZZE, 130, 0.98, 1, "f0c91eee60534deff532575368c018a82dfe7673bebe0fd7b91d65dd2048e825"),
    (HELD_OUT_ZZZZZZZF, 130, 0.91, 3, "d4e10efd8a87b5dc451acbf6e4443696ac9bd016277c054729a9c3fe5913e9fb"),
    # scored once on 2026-12-02 in the fourteenth session, after ZZZZZZZC–F's classes were fixed, with the others of its
    # round: ZZZZZZZG 126/130 (96.9 %), 0 confidently wrong; ZZZZZZZH 117/130 (90.0 %), 3 confidently wrong; ZZZZZZZI
    # 129/130 (99.2 %), 0 confidently wrong; ZZZZZZZJ 122/130 (93.8 %), 6 confidently wrong
    (HELD_OUT_ZZZZZZZG, 130, 0.96, 0, "92aa674507dc96150a1c4b0409a1315f1ba9b4c75b6bcab5c00674fe4b7094e1"),
    (HELD_OUT_ZZZZZZZH, 130, 0.90, 3, "5f11cc2ad96d8ff1c96518b1a18a6bb041b2aa47742b4ad29f29daccc14d341d"),
    (HELD_OUT_ZZZZZZZI, 130, 0.99, 0, "ced88af2e52926a70ccbffcbd01f7fdd117c647fb452ca8e2239bc5ef9ef7818"),
    (HELD_OUT_ZZZZZZZJ, 130, 0.93, 6, "edf57286c080d8d6c18d93e86b263d46906f3514f25cab420c5bc53b3d05d02b"),
    # scored once on 2026-12-02 in the fourteenth session, after ZZZZZZZG–J's classes were fixed, with the others of its
    # round: ZZZZZZZK 127/130 (97.7 %), 0 confidently wrong; ZZZZZZZL 129/130 (99.2 %), 0 confidently wrong; ZZZZZZZM
    # 124/130 (95.4 %), 2 confidently wrong; ZZZZZZZN 121/129 (93.8 %), 2 confidently wrong
    (HELD_OUT_ZZZZZZZK, 130, 0.97, 0, "0d87ecca2046663ee7a1fa8a8e3b535770143944190e17b01db6112b0296d03c"),
    (HELD_OUT_ZZZZZZZL, 130, 0.99, 0, "80392daeb30b3220ab446bbc725f45ec36de91b338022bf1718320ed0918e0d9"),
    (HELD_OUT_ZZZZZZZM, 130, 0.95, 2, "eb10fdcbbda052679bae37b1e7837dd29bf80ee5c88009419dacfd7bb2062dc4"),
    (HELD_OUT_ZZZZZZZN, 129, 0.93, 2, "51e9f944570a205520d7110ab03a487f57f0d57b99b098cc1eef21acd5205b12"),
    # scored once on 2026-12-02 in the fourteenth session, after ZZZZZZZK–N's classes were fixed, with the others of its
    # round: ZZZZZZZO 122/129 (94.6 %), 1 confidently wrong; ZZZZZZZP 127/130 (97.7 %), 0 confidently wrong; ZZZZZZZQ
    # 124/130 (95.4 %), 2 confidently wrong; ZZZZZZZR 124/130 (95.4 %), 1 confidently wrong
    (HELD_OUT_ZZZZZZZO, 129, 0.94, 1, "cf9098dd741e5f0008207ca57f5840098f98efdda3f8cb140b490bdfafbc3ec9"),
    (HELD_OUT_ZZZZZZZP, 130, 0.97, 0, "4fe2507246df0b92abcf37f7e2c8aacbc48ba652ae7a368ba84fce73ef7f0e60"),
    (HELD_OUT_ZZZZZZZQ, 130, 0.95, 2, "8fac40c3688e1d0a7316aa7a00ead3b500d41ba55f06d9ff9ea0b2fff5dbaa91"),
    (HELD_OUT_ZZZZZZZR, 130, 0.95, 1, "8f8acaa39dae4cd53c73bf4bf892c6097f027230799ef4ef6d6a5d8dd639bc96"),
    # scored once on 2026-12-02 at the fourteenth session's end, on its last engine, with the others of its round:
    # ZZZZZZZS 127/130 (97.7 %), 1 confidently wrong; ZZZZZZZT 128/130 (98.5 %), 0 confidently wrong; ZZZZZZZU 129/130
    # (99.2 %), 0 confidently wrong; ZZZZZZZV 124/129 (96.1 %), 2 confidently wrong
    (HELD_OUT_ZZZZZZZS, 130, 0.97, 1, "045810bd3bbfdf3dcd62805c6c52d32e24d80a82113aa016c5a3ace53648f0ec"),
    (HELD_OUT_ZZZZZZZT, 130, 0.98, 0, "bef19c549d1c4c945a2e6aa906f9f473bba1adfbfe5a242d5fe087f7e565fdda"),
    (HELD_OUT_ZZZZZZZU, 130, 0.99, 0, "7faebb0fba598181b868be1bba098e76e96363b760edd3c8c91d089892b56bae"),
    (HELD_OUT_ZZZZZZZV, 129, 0.96, 2, "d94e548b09057fe4749dcb5be4458470cd995dac7852df2bcb98b2cd2c93e122"),
    # scored once on 2026-12-02 at the fourteenth session's end, on its last engine (after ZZZZZZZS–V's classes were
    # fixed), with the others of its round: ZZZZZZZW 125/130 (96.2 %), 2 confidently wrong; ZZZZZZZX 125/130 (96.2 %), 2
    # confidently wrong; ZZZZZZZY 124/130 (95.4 %), 4 confidently wrong; ZZZZZZZZ 125/129 (96.9 %), 2 confidently wrong
    (HELD_OUT_ZZZZZZZW, 130, 0.96, 2, "97bc9eeb89ba396ebfd72b469f5d5d572a17902d849ff8c5f5ca1377926dd188"),
    (HELD_OUT_ZZZZZZZX, 130, 0.96, 2, "7048c06f402e97090789d2b0afab2195711dd5caa3495909ea468ca8e7224a48"),
    (HELD_OUT_ZZZZZZZY, 130, 0.95, 4, "fd811a42e48cf1e6b99ef476a032b7875a10538cf02fb842329f4a96106a4f25"),
    (HELD_OUT_ZZZZZZZZ, 129, 0.96, 2, "046e9d69cda67e258805b41579b48d1a5b239aece6f840ec77194be4eb824eb1"),
    # scored once on 2026-12-02 at the fifteenth session's start, on its first engine (after ZZZZZZZW–ZZZZZZZZ's classes
    # were fixed), with the others of its round: ZZZZZZZZA 128/130 (98.5 %), 0 confidently wrong; ZZZZZZZZB 124/130
    # (95.4 %), 0 confidently wrong; ZZZZZZZZC 128/130 (98.5 %), 0 confidently wrong; ZZZZZZZZD 130/130 (100.0 %), 0
    # confidently wrong
    (HELD_OUT_ZZZZZZZZA, 130, 0.98, 0, "8003122f2615b76e58448f1cc0f918d946003eec7b56e0e5ccdf4faf2c5d0bc4"),
    (HELD_OUT_ZZZZZZZZB, 130, 0.95, 0, "ea3042a829268251b1b2ee82f8fd00f4668d6ddde7227f6434dde129ff6ef1c8"),
    (HELD_OUT_ZZZZZZZZC, 130, 0.98, 0, "2a77286d047685d9d0d90d4b5e19dfe3815f0aeebc5ee01c215bead8f3a7b5d4"),
    (HELD_OUT_ZZZZZZZZD, 130, 1.00, 0, "8ef25494a1541eedbd7e0d1c198597309fb8f03200103c4bdd2f6d335e51bb43"),
    # scored once on 2026-12-02 in the fifteenth session, on 7d88afd (after ZZZZZZZZA–D's classes were fixed), with the
    # others of its round: ZZZZZZZZE 127/130 (97.7 %), 1 confidently wrong; ZZZZZZZZF 128/130 (98.5 %), 0 confidently
    # wrong; ZZZZZZZZG 128/130 (98.5 %), 0 confidently wrong; ZZZZZZZZH 129/130 (99.2 %), 1 confidently wrong
    (HELD_OUT_ZZZZZZZZE, 130, 0.97, 1, "5f092099d6075643a9f47a26a9f01d1b46b56b04e242f3714aa4264669d7a78b"),
    (HELD_OUT_ZZZZZZZZF, 130, 0.98, 0, "8b757fa58d3a422d7a71e1e5d87ee5c03414b4a13c04d6d1c25f1b8393d4cc4f"),
    (HELD_OUT_ZZZZZZZZG, 130, 0.98, 0, "9bf4a04bd8949e4247c096f3dc39ba8831a5ed6db6963112761d3bdec881b0a8"),
    (HELD_OUT_ZZZZZZZZH, 130, 0.99, 1, "2e4a329c805e596ab9df33cf6756c767611c2a7c4eb9cb93f7206f53cdb8d5c8"),
    # scored once on 2026-12-02 in the fifteenth session, on 62c5d8e (after ZZZZZZZZE–H's classes were fixed), with the
    # others of its round: ZZZZZZZZI 126/129 (97.7 %), 1 confidently wrong; ZZZZZZZZJ 127/130 (97.7 %), 2 confidently
    # wrong; ZZZZZZZZK 128/130 (98.5 %), 0 confidently wrong; ZZZZZZZZL 127/130 (97.7 %), 0 confidently wrong
    (HELD_OUT_ZZZZZZZZI, 129, 0.97, 1, "ce8417885b4e00923621f3b505818376d73019ac7c2284308351a21c83326348"),
    (HELD_OUT_ZZZZZZZZJ, 130, 0.97, 2, "1069cb527c55ba1b45fb5a8cece4fb83345366c02ce80ba81799a2f9bc92da64"),
    (HELD_OUT_ZZZZZZZZK, 130, 0.98, 0, "177f49a25e4505b0958a957a637632ebabd1ed27f642c778775d8c5bd287c552"),
    (HELD_OUT_ZZZZZZZZL, 130, 0.97, 0, "5c512fdf6f31ea6e473731f0275e712a796cae7618f594458356126ff2b24cc2"),
    # scored once on 2026-12-02 at the fifteenth session's end, on its last engine 9a0ee29 (after ZZZZZZZZI–L's classes
    # were fixed), with the other of its round: ZZZZZZZZM 122/129 (94.6 %), 1 confidently wrong; ZZZZZZZZN 127/130 (97.7
    # %), 2 confidently wrong
    (HELD_OUT_ZZZZZZZZM, 129, 0.94, 1, "3d90494d4c558afaa5dba5a7f209f440f7cb00ae14ebd4108726341ada4c3f81"),
    (HELD_OUT_ZZZZZZZZN, 130, 0.97, 2, "6f7e9e24379f10b081294c57c046410e907595d7bc2fbfee9f2ac3e4314490fa"),
    # scored once on 2026-12-02 near the fifteenth session's end, on c3006d1, with the others of its
    # round: ZZZZZZZZO 126/130 (96.9 %), 0 confidently wrong; ZZZZZZZZP 126/130 (96.9 %), 1 confidently wrong; ZZZZZZZZQ
    # 124/130 (95.4 %), 4 confidently wrong; ZZZZZZZZR 129/130 (99.2 %), 0 confidently wrong
    (HELD_OUT_ZZZZZZZZO, 130, 0.96, 0, "eaa1d9fe38aefe3a3fc9e8cdbf281cb663c62fc76ba12684c124cdb20e0f9a8a"),
    (HELD_OUT_ZZZZZZZZP, 130, 0.96, 1, "5701379edaad5eda6fa3413484dc5c1062974a0c25d1c0ec9bd2196259a09305"),
    (HELD_OUT_ZZZZZZZZQ, 130, 0.95, 4, "3d5353e540a422bfca2f93072fa60f10c635b0f9a0104bde4db6cc663220ac7f"),
    (HELD_OUT_ZZZZZZZZR, 130, 0.99, 0, "53af1c0814fc50f0f129cf3113e1965fe11d87fc032f0baa5faf0774979d1891"),
    # scored once on 2026-12-02 at the sixteenth session's start, on 395982d, with the others of its round: ZZZZZZZZS
    # 124/129 (96.1 %), 1 confidently wrong; ZZZZZZZZT 123/130 (94.6 %), 2 confidently wrong; ZZZZZZZZU 123/130 (94.6
    # %), 4 confidently wrong; ZZZZZZZZV 127/130 (97.7 %), 0 confidently wrong
    (HELD_OUT_ZZZZZZZZS, 129, 0.96, 1, "bad861a4550974a2d3f636bf8a7f851eb5eab3a0d20045c2894474018953dd5f"),
    (HELD_OUT_ZZZZZZZZT, 130, 0.94, 2, "7a71e89f6fc26b38eb053248db4c3c4244306b5e1d7d3b51be665832e0202fb7"),
    (HELD_OUT_ZZZZZZZZU, 130, 0.94, 4, "dedbcae50fc8fc6cc2d8786f20c6838a81ba493446d723739b461cfd1b3a8f16"),
    (HELD_OUT_ZZZZZZZZV, 130, 0.97, 0, "f7dba205c70b6b79e66492cfa33a6fc06b64f8f9068d3b2d8c0b9bd27fad0871"),
    # scored once on 2026-12-02 in the sixteenth session, on 9f0324c (after ZZZZZZZZS–V's classes were fixed), with the
    # others of its round: ZZZZZZZZW 126/129 (97.7 %), 0 confidently wrong; ZZZZZZZZX 124/130 (95.4 %), 0 confidently
    # wrong; ZZZZZZZZY 123/130 (94.6 %), 2 confidently wrong; ZZZZZZZZZ 124/130 (95.4 %), 3 confidently wrong
    (HELD_OUT_ZZZZZZZZW, 129, 0.97, 0, "06af0c0e1aaa34434d5c1316be1e5188e5bffd693999c1639a730d77f12cd430"),
    (HELD_OUT_ZZZZZZZZX, 130, 0.95, 0, "a7834bad60cadede2bb84aa93633040995748d0eebd53157362b7bea8847a334"),
    (HELD_OUT_ZZZZZZZZY, 130, 0.94, 2, "eabc8516cda760436c6d31ed58d1690e2149e888d76f5cd5f71c00ccbd5fdd14"),
    (HELD_OUT_ZZZZZZZZZ, 130, 0.95, 3, "855f847967260a8057baf42531732f156ff53398124f13915db565b253dae59f"),
    # scored once on 2026-12-02 in the sixteenth session, on 08d3ec1 (after ZZZZZZZZW–ZZZZZZZZZ's classes were fixed),
    # with the others of its round: ZZZZZZZZZA 127/129 (98.4 %), 1 confidently wrong; ZZZZZZZZZB 127/130 (97.7 %), 0
    # confidently wrong; ZZZZZZZZZC 129/130 (99.2 %), 0 confidently wrong; ZZZZZZZZZD 127/130 (97.7 %), 0 confidently
    # wrong
    (HELD_OUT_ZZZZZZZZZA, 129, 0.98, 1, "38bed7c3a6c3422281d7af2f163b7fc989c662d00313de2850b0c678735ce851"),
    (HELD_OUT_ZZZZZZZZZB, 130, 0.97, 0, "a1136ddcebb1fd573149069ff15545bf6c2fe9651eafa1e43e1eaa59afb50eb6"),
    (HELD_OUT_ZZZZZZZZZC, 130, 0.99, 0, "2b4bb4829c45c6f812814ea53dc92c58abceb331ba630a771f3f4bdd1c3101b2"),
    (HELD_OUT_ZZZZZZZZZD, 130, 0.97, 0, "94a2f510ed266f17cde55fa9bd4590de22bb88a523b4dd3fb72e5c0c85e44847"),
    # scored once on 2026-12-02 at the sixteenth session's end, on cf895b5, with the others of its round: ZZZZZZZZZE
    # 122/128 (95.3 %), 1 confidently wrong; ZZZZZZZZZF 121/130 (93.1 %), 1 confidently wrong; ZZZZZZZZZG 128/130 (98.5
    # %), 0 confidently wrong; ZZZZZZZZZH 127/130 (97.7 %), 1 confidently wrong
    (HELD_OUT_ZZZZZZZZZE, 128, 0.95, 1, "f89a32f219809847da2c0fcfbb9f9759eb1d8aa42d2472c5ef8208afd2127c3a"),
    (HELD_OUT_ZZZZZZZZZF, 130, 0.93, 1, "89a64ef032b3e2feb05f3a21aa83ff7d1df8b3c2a39af5831fae85dd3634b50f"),
    (HELD_OUT_ZZZZZZZZZG, 130, 0.98, 0, "ef97265ba167364995c080996e4c16cb54b70fe46ade8821e69f466227cd90fc"),
    (HELD_OUT_ZZZZZZZZZH, 130, 0.97, 1, "416189b9c2d2d81753a8b97130e524d632fa321c85fe337eb10374917b41a2d2"),
    # scored once on 2026-12-02 at the sixteenth session's end, on 58f7c0e, with the others of its round: ZZZZZZZZZI
    # 127/130 (97.7 %), 1 confidently wrong; ZZZZZZZZZJ 128/130 (98.5 %), 0 confidently wrong; ZZZZZZZZZK 125/130 (96.2
    # %), 0 confidently wrong; ZZZZZZZZZL 126/130 (96.9 %), 0 confidently wrong
    (HELD_OUT_ZZZZZZZZZI, 130, 0.97, 1, "b4c6485ba6186fdef604169e178ba268e6dd4cd52465bce5cf696d281ad91dc5"),
    (HELD_OUT_ZZZZZZZZZJ, 130, 0.98, 0, "a28f743d510105431191055a0eae77d5e0fa82de5fa5e0b4839f4580a9d6e203"),
    (HELD_OUT_ZZZZZZZZZK, 130, 0.96, 0, "3ba9557400885f6b7ef18b576d054c581541a3823669b892a0516c2875b2f99d"),
    (HELD_OUT_ZZZZZZZZZL, 130, 0.96, 0, "9d53649d2888733e49ee7dd88c6d09c74188724683db5550e8e05765118b383c"),
]


def questions(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_dev_set_is_the_shared_one_and_all_pass(engine):
    if SHARED_DEV.exists():
        assert DEV.read_bytes() == SHARED_DEV.read_bytes()
    assert [q["id"] for q in questions(DEV)] == [f"dev{n:03}" for n in range(1, 31)]
    report = run_eval(DEV, engine)
    assert report.total == 30 and not report.errors
    assert report.ok and report.accuracy == 1.0, report.text()


def test_tuned_set_keeps_its_floor(engine):
    report = run_eval(TUNED, engine)
    assert report.total >= 285 and not report.errors
    assert all(re.fullmatch(r"(own|add|blind)\d+|t2-[\w-]+", o.id) for o in report.outcomes)
    assert not report.confidently_wrong, report.text()
    assert report.accuracy >= TUNED_ACCURACY_FLOOR, report.text()
    assert set(report.by("lang")) == {"kk", "ru", "en"}
    assert {"tariff", "violation", "checklist", "staffing", "document", "unknown"} <= set(report.by("intent"))


@pytest.mark.parametrize(("path", "total", "floor", "ceiling", "sha256"), HELD_OUT_SETS, ids=lambda v: str(v)[-12:])
def test_held_out_set_stays_at_or_above_its_first_blind_score(engine, path, total, floor, ceiling, sha256):
    assert hashlib.sha256(path.read_bytes()).hexdigest() == sha256, "the held-out set is frozen"
    report = run_eval(path, engine)
    assert report.total == total and not report.errors
    # Only the figures are shown on failure: which questions fail is not for reading (nor for tuning on). Plain
    # numbers are compared, so pytest's report of a failed assert cannot print the outcomes (and their questions).
    figures, accuracy, confidently_wrong = report.score(), report.accuracy, len(report.confidently_wrong)
    del report
    assert accuracy >= floor, figures
    assert confidently_wrong <= ceiling, figures


def test_the_sets_share_no_question():
    """No id twice, and no held-out question in the sets tuned on (dev, tuned). Two held-out sets written apart may
    happen to hold the same short question ("is order 343 still in force?"): that leaks nothing."""
    sets = (DEV, TUNED, *(held_out[0] for held_out in HELD_OUT_SETS))
    ids = [{q["id"] for q in questions(path)} for path in sets]
    texts = [{" ".join(q["q"].casefold().split()) for q in questions(path)} for path in sets]
    for one in range(len(sets)):
        for other in range(one + 1, len(sets)):
            assert not ids[one] & ids[other]
            if sets[one] in (DEV, TUNED):
                assert not texts[one] & texts[other]


FIGURES = {"accuracy": "with", "without aliases": "without", "without aliases or lexicon": "kazakh only"}


def eval_figures(output: str) -> dict[str, dict[str, tuple[int, int]]]:
    """{file: {"with" | "without" | "kazakh only": (correct, total)}} from `komekshi eval` output."""
    figures: dict[str, dict[str, tuple[int, int]]] = {}
    current = ""
    for line in output.splitlines():
        if line.startswith("== "):
            current = line[3:]
            figures[current] = {}
        elif match := re.match(r"(accuracy|without aliases|without aliases or lexicon): (\d+)/(\d+) \(\d+\.\d%\)",
                               line):
            figures[current][FIGURES[match[1]]] = (int(match[2]), int(match[3]))
    return figures


def test_eval_scores_several_files_with_and_without_aliases(kb_path, capsys):
    assert main(["--kb", str(kb_path), "eval", str(DEV), str(TUNED)]) == 0
    figures = eval_figures(capsys.readouterr().out)
    assert list(figures) == [str(DEV), str(TUNED)]
    assert figures[str(DEV)]["with"] == (30, 30)
    tuned = figures[str(TUNED)]
    assert tuned["with"][1] == tuned["without"][1] == tuned["kazakh only"][1] >= 285
    # The engine's own matching carries part of the way, the lexicon's word-by-word names further, the reviewed
    # alias table the rest.
    assert 0 < tuned["kazakh only"][0] < tuned["without"][0] <= tuned["with"][0]


def test_eval_exit_status_says_whether_every_answer_was_right(kb_path, tmp_path, capsys):
    wrong = tmp_path / "wrong.jsonl"
    wrong.write_text(json.dumps({"id": "x", "q": "price of a taxi to Uralsk", "expect": {"status": "answer"}}) + "\n",
                     encoding="utf-8")
    assert main(["--kb", str(kb_path), "eval", str(DEV), str(wrong)]) == 1
    out = capsys.readouterr().out
    assert "without aliases: 0/1 (0.0%)" in out and "without aliases or lexicon: 0/1 (0.0%)" in out


@pytest.mark.parametrize("aliases", [True, False])
def test_engine_without_aliases_still_answers_kazakh_names(kb_path, aliases):
    from knowledge.answer.engine import Engine

    answer = Engine.open(kb_path, aliases=aliases).ask("стационар УВЧ терапиясы мейіргер қала")
    assert answer.status == "answer" and answer.results[0].fields["rate_city"] == 993


def test_wrong_expectation_is_counted_wrong(engine, tmp_path):
    questions = [
        {"id": "right", "q": "стационар УВЧ терапия медсестра город", "lang": "ru", "intent": "tariff",
         "expect": {"status": "answer", "area": "city", "keys": [["oblast", "stationary", "48", "мейіргер", 993]]}},
        {"id": "bad-rate", "q": "стационар УВЧ терапия медсестра город", "lang": "ru", "intent": "tariff",
         "expect": {"status": "answer", "area": "city", "keys": [["oblast", "stationary", "48", "мейіргер", 994]]}},
        {"id": "bad-verdict", "q": "отсутствие индивидуального плана работы это грубое нарушение?", "lang": "ru",
         "intent": "violation", "expect": {"status": "answer", "criteria": [3, 4], "verdict": "yes"}},
        {"id": "bad-status", "q": "price of a taxi to Uralsk", "lang": "en", "intent": "unknown",
         "expect": {"status": "answer"}},
    ]
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in questions) + "\nnot json\n", encoding="utf-8")
    report = run_eval(path, engine)
    assert [o.id for o in report.outcomes if o.correct] == ["right"]
    assert {o.id for o in report.confidently_wrong} == {"bad-rate", "bad-verdict"}
    assert report.errors and not report.ok
    text = report.text()
    assert "bad-rate" in text and "by lang: ru 2/3" not in text and "accuracy: 1/4" in text


def test_criterion_numbers_are_compared_as_printed(engine, tmp_path):
    """A set may write item numbers as text ("4") or as numbers (4): the same criterion is right either way, and a
    different one is wrong either way."""
    question = "отсутствие индивидуального плана работы это грубое нарушение?"
    best = engine.ask(question).results[0].fields["item"]
    questions = [
        {"id": f"{name}", "q": question, "lang": "ru", "intent": "violation",
         "expect": {"status": "answer", "criteria": criteria}}
        for name, criteria in (("number", [best]), ("text", [str(best)]), ("other", [str(best + 1)]))
    ]
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in questions) + "\n", encoding="utf-8")
    report = run_eval(path, engine)
    assert {o.id for o in report.outcomes if o.correct} == {"number", "text"}
