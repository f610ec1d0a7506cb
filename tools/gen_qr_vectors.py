# Generates reference QR matrices with segno 1.6.6 (byte mode, forced version and mask).
import segno
from segno import encoder, consts
# segno 1.6.6 pads with 8 zero bits when the stream is already on a byte boundary (always, in byte
# mode), which is valid but not what the standard's canonical stream gives; fix that one step.
def _padding(buff, version, length):
    if version not in (consts.VERSION_M1, consts.VERSION_M3):
        buff.extend([0] * ((8 - length % 8) % 8))
encoder.write_padding_bits = _padding
cases = [
  ("HELLO", 'l', 1, 0), ("hello world", 'm', 1, 3), ("Q level", 'q', 1, 5), ("H", 'h', 1, 7),
  ("https://example.com/", 'm', 2, 2), ("换新算 以旧换新", 'm', 3, 6),
  ("https://huanxin.example/?lang=zh&cat=fridge&price=5999&grade=1", 'm', 5, 1),
  ("x" * 120, 'm', 7, 4), ("https://a.example/" + "q" * 180, 'm', 10, 7),
  ("y" * 300, 'l', 14, 0), ("z" * 900, 'q', 32, 5), ("w" * 2900, 'l', 40, 3),
]
out = []
for data, err, ver, mask in cases:
    q = segno.make_qr(data.encode('utf-8'), error=err, version=ver, mask=mask, mode='byte', boost_error=False, encoding=None)
    assert q.version == ver and q.mask == mask and q.error.lower() == err, (q.version, q.mask, q.error)
    auto = segno.make_qr(data.encode('utf-8'), error=err, version=ver, mode='byte', boost_error=False)
    rows = [''.join('1' if b else '0' for b in row) for row in q.matrix]
    hexrows = ['%x' % int(r, 2) if '1' in r else '0' for r in rows]
    out.append(f"case {err.upper()} {ver} {mask} {auto.mask} {data.encode('utf-8').hex()}")
    out.extend(hexrows)
open('/work/main/tests/data/qr_vectors.txt', 'w').write("# Reference QR matrices made with segno 1.6.6 (byte mode; its byte-boundary padding step patched to the standard's, see tools/gen_qr_vectors.py): 'case LEVEL VERSION MASK SEGNO_AUTO_MASK DATA_HEX', then one hex number per row (MSB = leftmost module).\n" + "\n".join(out) + "\n")
