import { describe, expect, it } from 'vitest';
import { photoLines, photoText } from '../../src/ocr/lines.ts';
import { prepareImage, scaleFor, toPgm } from '../../src/ocr/prepare.ts';
import { repairLine } from '../../src/ocr/repair.ts';

/** An RGBA image of one grey, with a rectangle of another (the "text"). */
function image(w: number, h: number, bg: number, fg: number, box = { x: 2, y: 2, w: 4, h: 3 }) {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const v = x >= box.x && x < box.x + box.w && y >= box.y && y < box.y + box.h ? fg : bg;
      data.set([v, v, v, 255], (y * w + x) * 4);
    }
  return { width: w, height: h, data };
}

describe('preparing a picture of a screen', () => {
  it("turns a console's light text on dark over, to dark text on light", () => {
    const p = prepareImage(image(10, 8, 12, 204), 1);
    expect(p.inverted).toBe(true);
    expect(p.gray[0]).toBe(255); // background white
    expect(p.gray[3 * 10 + 3]).toBe(0); // text black
  });

  it('keeps dark text on light as it is, and stretches a faint photo to full contrast', () => {
    const p = prepareImage(image(10, 8, 150, 110), 1);
    expect(p.inverted).toBe(false);
    expect(p.gray[0]).toBe(255);
    expect(p.gray[3 * 10 + 3]).toBe(0);
  });

  it('scales a small screenshot up and a large photo down, within a bound on pixels', () => {
    expect(scaleFor(640, 300)).toBe(1600 / 640);
    expect(scaleFor(200, 100)).toBe(3);
    expect(scaleFor(4000, 3000)).toBeLessThan(1);
    const s = scaleFor(4000, 3000);
    expect(4000 * 3000 * s * s).toBeLessThanOrEqual(8_000_001);
    const p = prepareImage(image(10, 8, 0, 255), 2);
    expect([p.width, p.height, p.gray.length]).toEqual([20, 16, 320]);
  });

  it('refuses what is not an RGBA image of its size', () => {
    expect(() => prepareImage({ width: 10, height: 10, data: new Uint8Array(10) })).toThrow(RangeError);
    expect(() => prepareImage({ width: 0, height: 10, data: new Uint8Array(0) })).toThrow(RangeError);
  });

  it('writes a binary PGM the recognizer can read', () => {
    const pgm = toPgm({
      width: 3,
      height: 2,
      gray: Uint8Array.from([0, 1, 2, 3, 4, 5]),
      inverted: false,
      scale: 1,
    });
    expect(new TextDecoder().decode(pgm.slice(0, 11))).toBe('P5\n3 2\n255\n');
    expect([...pgm.slice(11)]).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('repairing what recognition misreads, where the shape decides', () => {
  it.each([
    ['Address:  192.168.l.2O', 'Address:  192.168.1.20'],
    ['kmshost internet address = 1O.0.0.5', 'kmshost internet address = 10.0.0.5'],
    ['Address: 192.168. 20.13', 'Address: 192.168.20.13'],
    ['Error: 0xCO04F074 The Software', 'Error: 0xC004F074 The Software'],
    ['Error: Ox8007232B', 'Error: 0x8007232B'],
    ['C:\\> nslookup -type=srv vlmcs. tcp', 'C:\\> nslookup -type=srv _vlmcs._tcp'],
    ['“vimes,tcp.company.local SRV service location:', '_vlmcs._tcp.company.local SRV service location:'],
    ['svr hostname = kmshost . company. local', 'svr hostname = kmshost.company.local'],
    ['Server: dc. company. local', 'Server: dc.company.local'],
  ])('%s → %s', (read, fixed) => {
    const { text, repairs } = repairLine(read);
    expect(text).toBe(fixed);
    expect(repairs.length).toBeGreaterThan(0);
  });

  it.each([
    'Version 10.0.19041.1 of 6.1.7601.17514',
    'Address: 300.168.1.1',
    'Address: 192.168.01.1',
    'timeout was 2 seconds. DNS request timed out.',
    'OxFORMULA1 is not a code',
    'Please see the Application Event Log for additional information.',
    'Основной DNS-суффикс  . . . . . . : lan.kvt.su',
    'Name: KMSHOST . Company. Local',
    // A stroke beside an address may be a cursor or a border: never a digit added to a valid address.
    'Address:  10.0.0.5|',
    'Address:  10.0.0.12|',
    'Address:|10.0.0.5',
    // Numbers with spaces between are not a name to join.
    'Address: 192.168. 01.5',
    'Address: 300. 168.1.1',
    'Addresses: 10.0.0.5. 10.0.0.6',
    'version 6.1. 7601.17514',
    // Half a name in capitals: joining the rest would be half a repair.
    'svr hostname = KMS01. corp. contoso. com',
  ])('leaves %s as it was read', (read) => {
    expect(repairLine(read)).toEqual({ text: read, repairs: [] });
  });
});

describe('the lines the technician checks', () => {
  const line = (text: string, confidence: number, words?: { text: string; confidence: number }[]) => ({
    text,
    confidence,
    ...(words ? { words } : {}),
  });

  it('keeps reading order, drops empty lines, marks unsure and repaired lines as doubtful', () => {
    const lines = photoLines({
      blocks: [
        { paragraphs: [{ lines: [line('Server:  dc.company.local\n', 92), line('  \n', 10)] }] },
        {
          paragraphs: [
            {
              lines: [
                line('Address:  192.168.1.l7', 95),
                line('port = 1688', 70),
                line('priority = 0', 91, [
                  { text: 'priority', confidence: 95 },
                  { text: '0', confidence: 41 },
                ]),
              ],
            },
          ],
        },
      ],
    });
    expect(lines.map((l) => [l.text, l.doubtful])).toEqual([
      ['Server:  dc.company.local', false],
      ['Address:  192.168.1.17', true],
      ['port = 1688', true],
      ['priority = 0', true],
    ]);
    expect(lines[1]!.read).toBe('Address:  192.168.1.l7');
    expect(photoText(lines)).toBe(
      'Server:  dc.company.local\nAddress:  192.168.1.17\nport = 1688\npriority = 0',
    );
  });

  it('reads nothing from an empty result', () => {
    expect(photoLines({ blocks: null })).toEqual([]);
    expect(photoLines({})).toEqual([]);
  });
});
