import { officialMessages } from '../../src/data/official-messages.ts';
import { describe, expect, it } from 'vitest';
import { photoLines, photoText } from '../../src/ocr/lines.ts';
import { prepareImage, scaleFor, straighten, toPgm } from '../../src/ocr/prepare.ts';
import { repairLine } from '../../src/ocr/repair.ts';
import { pixelsOf } from '../photos/read.ts';
import { PHOTO_SET } from '../photos/set.ts';

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

  it('averages a large photo down by area: its grain goes, its text stays', () => {
    // A grey field with black and white specks in a checker, and a black bar 8 rows tall.
    const w = 64;
    const h = 32;
    const data = new Uint8ClampedArray(w * h * 4);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const v = y >= 12 && y < 20 ? 0 : (x + y) % 2 ? 230 : 150;
        data.set([v, v, v, 255], (y * w + x) * 4);
      }
    const p = prepareImage({ width: w, height: h, data }, 0.5);
    const field = [...p.gray.slice(0, 5 * 32)];
    expect(Math.max(...field) - Math.min(...field)).toBe(0);
    expect(p.gray[8 * 32 + 10]).toBe(0);
  });

  it("levels a photo's tilted lines, each third by its own tilt, and leaves level lines alone", () => {
    // Black bars 6 rows tall on white, every 20 rows, tilted 3° (the top ones) to 1° (the bottom ones).
    const w = 800;
    const h = 600;
    const gray = new Uint8Array(w * h).fill(255);
    const tilt = (y: number) => Math.tan(((3 - (2 * y) / h) * Math.PI) / 180);
    for (let base = 40; base < h - 40; base += 20)
      for (let x = 40; x < w - 40; x++) {
        const y0 = Math.round(base + tilt(base) * (x - w / 2));
        for (let y = y0; y < y0 + 6; y++) if (y >= 0 && y < h) gray[y * w + x] = 0;
      }
    const level = straighten(gray, w, h);
    // Across each bar's middle third, the rows it covers no longer move: dark at the left is dark at the right.
    for (const y of [100, 300, 500]) {
      const row = (x: number) => [...Array(40).keys()].filter((d) => level[(y - 20 + d) * w + x]! < 128);
      const left = row(280);
      const right = row(520);
      expect(left.length).toBeGreaterThan(0);
      expect(Math.abs(left[0]! - right[0]!)).toBeLessThanOrEqual(1);
    }
    // Before, the bars were not level between those two columns.
    const before = (x: number) => [...Array(40).keys()].find((d) => gray[(80 + d) * w + x]! < 128)!;
    expect(before(280)).not.toBe(before(520));
    const flat = new Uint8Array(w * h).fill(255);
    for (let y = 100; y < 106; y++) flat.fill(0, y * w + 40, y * w + w - 40);
    expect(straighten(flat, w, h)).toBe(flat);
  });

  it('leaves every strip of a level screenshot level, however few lines it holds', () => {
    // Strips of 2 to 12 lines cut from the set's screenshots: a line cut in half at an edge, or the shapes of a
    // few lines' letters, are a little sharper at some tilt too, and must not tilt what is level.
    let strips = 0;
    for (const item of PHOTO_SET.filter((p) => p.distortion === 'clean')) {
      const px = pixelsOf(item.image);
      for (let top = 0; top + 30 <= px.height; top += 50)
        for (const rows of [30, 60, 110]) {
          if (top + rows > px.height) continue;
          const gray = new Uint8Array(px.width * rows);
          for (let i = 0, j = top * px.width * 4; i < gray.length; i++, j += 4)
            gray[i] = (px.data[j]! * 299 + px.data[j + 1]! * 587 + px.data[j + 2]! * 114) / 1000;
          const dark = gray.reduce((a, v) => a + v, 0) / gray.length < 128;
          if (dark) for (let i = 0; i < gray.length; i++) gray[i] = 255 - gray[i]!;
          expect(straighten(gray, px.width, rows), `${item.image} rows ${top}+${rows}`).toBe(gray);
          strips++;
        }
    }
    expect(strips).toBeGreaterThan(150);
    // About 4 s here; a busy machine may take four times as long.
  }, 60_000);

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

// The codes the app knows a message for: what decides between 0 and D in a code read with an O.
const known = (code: string) => officialMessages(code).length > 0;

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
    ['Source: DCNAME. company.com', 'Source: DCNAME.company.com'],
    ['_v2-origintunneld.tcp.argotunnel.com', '_v2-origintunneld._tcp.argotunnel.com'],
    [
      'Description: Windows(R) Operating System, VOLUME KMS 2012-R2 WIN1O channel',
      'Description: Windows(R) Operating System, VOLUME_KMS_2012-R2_WIN10 channel',
    ],
    [
      'Name: Office 19, 0fficel9ProPlus2019VL KMS Client AE edition',
      'Name: Office 19, Office19ProPlus2019VL_KMS_Client_AE edition',
    ],
    ['Name: Windows (R), ServerStandard edition', 'Name: Windows(R), ServerStandard edition'],
    ['weight = ©', 'weight = 0'],
    [
      'Успешно обработано 1 файлов; не удалось обработать © файлов',
      'Успешно обработано 1 файлов; не удалось обработать 0 файлов',
    ],
    ['CMID: f9d4e20a-cb8f-4050-9cOc-56420455adal', 'CMID: f9d4e20a-cb8f-4050-9c0c-56420455ada1'],
    ['Leap Indicator: O(no warning)', 'Leap Indicator: 0(no warning)'],
    ['Ошибка: 0хС004F074 Служба', 'Ошибка: 0xC004F074 Служба'],
    // A Russian model's Е is an E or an F: 0xC004F074 is a code the app knows, 0xC004E074 is not.
    ['Ошибка: 0хС004Е074', 'Ошибка: 0xC004F074'],
    // Its colon read as a semicolon, or lost.
    ['   Основной О№5-суффикс . . . . . . ; lan.kvt.su', '   Основной DNS-суффикс . . . . . . : lan.kvt.su'],
    ['        Состояние          4 RUNNING', '        Состояние         : 4 RUNNING'],
    ['Сервер   dc01.contoso.com', 'Сервер:   dc01.contoso.com'],
    // Format-List's colon read as a stroke.
    ['ComputerName       1 192.168.56.101', 'ComputerName       : 192.168.56.101'],
    ['TcpTestSucceeded       + True', 'TcpTestSucceeded       : True'],
    ['RemotePort             © 1688', 'RemotePort             : 1688'],
    ['Основной шлюз. . . . . . . . . : 192.168.20,1', 'Основной шлюз. . . . . . . . . : 192.168.20.1'],
    // Russian labels with their Latin terms misread, and a zero for the О of a Cyrillic word.
    ['Основной 0№5-суффикс . . . . . . : lan.kvt.su', 'Основной DNS-суффикс . . . . . . : lan.kvt.su'],
    ['IPv4-appec. . . . . : 192.168.20.13(0сновной)', 'IPv4-адрес. . . . . : 192.168.20.13(Основной)'],
    ['0№5-серверы. . . . . . . . . . . : 192.168.20.2', 'DNS-серверы. . . . . . . . . . . : 192.168.20.2'],
    ['Код выхода_\\1п32   : 0 (0х0)', 'Код_выхода_Win32   : 0 (0х0)'],
    // A Latin abbreviation in brackets read in Cyrillic look-alikes, or with a 5 for its S.
    ['службой управления ключами (КМ5) не удалось.', 'службой управления ключами (KMS) не удалось.'],
    [
      'No Key Management Service (KM5) could be contacted.',
      'No Key Management Service (KMS) could be contacted.',
    ],
    ['ключ многократной активации (МАК)', 'ключ многократной активации (MAK)'],
  ])('%s → %s', (read, fixed) => {
    const { text, repairs } = repairLine(read, known);
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
    'values 10,20,30,40',
    'RemotePort       : 1688',
    'ComputerName 1',
    // The mark may be the value's first digit, the colon lost: 1688, 10.0.0.5, 192.168.56.101.
    'RemotePort       1 688',
    'RemoteAddress    1 0.0.0.5',
    'ComputerName     1 92.168.56.101',
    'ComputerName     1 kms01.contoso.com',
    'InterfaceAlias         1 - Uplink',
    'ComputerName       | : 192.168.56.101',
    'Addresses: 10.0.0.5. 10.0.0.6',
    'version 6.1. 7601.17514',
    // Half a name in capitals: joining the rest would be half a repair.
    'svr hostname = KMS01. corp. contoso. com',
    // An O among a code's hex digits may be a 0 or a D: left as read unless one of them only is a known code.
    'Error: 0x8007000O The data is invalid.',
    'Ошибка: 0хВ0070005',
    // Real lines that look like misreads.
    '   IPv6-адрес. . . . . . . . . . . . : 2001:db8:acad:1::1(Основной)',
    '   Адреса:  10.0.0.20',
    'LICENSE NAME: Office 15, OfficeO365ProPlusR_Subscription1 edition',
    'Microsoft (R) Windows Script Host Version 5.812',
    '© Microsoft Corporation. All rights reserved.',
    'Copyright © Microsoft Corporation.',
    '    Минимальное = 0мсек, Максимальное = 1 мсек, Среднее = 0 мсек',
    'Leap Indicator: D(not synchronized)',
    'Client Machine ID (CMID): F9D4E20A-CB8F-4050-9COC-56420455ADA1',
    // An O among a code's digits may be a blurred C too: both 0x4004F00C and 0x4004F00D are known codes.
    'ERROR CODE: 0x4004F00O',
    'Error: 0xC004F06O',
    // A small o in a GUID is as likely an a, c or e as a 0.
    'CMID: 5c3f9a1e-8b2d-4e6f-a7c0-1d2e3f4o5b6c',
    // A letter right after an address is part of its token (a bracket lost): not a digit to add.
    '192.168.1.1Oсновной)',
    // A Russian abbreviation in brackets is the text's own, and so is a number.
    'операционная система (ОС) и программное обеспечение (ПО)',
    'по стандарту (ГОСТ), для всех (ВСЕ), порт (1688)',
  ])('leaves %s as it was read', (read) => {
    expect(repairLine(read, known)).toEqual({ text: read, repairs: [] });
  });

  it('reads an O among hex digits as the one of 0 and D that makes a known code, and only then', () => {
    expect(repairLine('Error: 0xCO04F074', known).text).toBe('Error: 0xC004F074');
    expect(repairLine('Error: 0xCO04F074').text).toBe('Error: 0xCO04F074');
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
