/**
 * Every output kind the reader knows, in one list. The order matters where several kinds read the same
 * line: hits are tried in this order, and where nothing else decides, the first kind's hit wins.
 */
import type { OutputKind } from '../types.ts';
import { AO_LIST } from './ao-list.ts';
import { ATO } from './ato.ts';
import { BIOS } from './bios.ts';
import { CIM } from './cim.ts';
import { DIR } from './dir.ts';
import { DISM } from './dism.ts';
import { EVENT } from './event.ts';
import { INSTALL_WINDOWSFEATURE } from './install-windowsfeature.ts';
import { ICACLS } from './icacls.ts';
import { IPCONFIG } from './ipconfig.ts';
import { NETFIREWALL } from './netfirewall.ts';
import { NSLOOKUP } from './nslookup.ts';
import { OSPP } from './ospp.ts';
import { REG } from './reg.ts';
import { RESOLVE_DNSNAME } from './resolve-dnsname.ts';
import { SERVICE } from './service.ts';
import { SLMGR } from './slmgr.ts';
import { SYSPREP } from './sysprep.ts';
import { STORE_RESTORE } from './store-restore.ts';
import { TEST_NETCONNECTION } from './test-netconnection.ts';
import { W32TM_RESYNC } from './w32tm-resync.ts';
import { W32TM_STATUS } from './w32tm-status.ts';
import { WHOAMI } from './whoami.ts';
import { W32TM_STRIPCHART } from './w32tm-stripchart.ts';

/** The output kinds, in the order their lines are tried. */
export const KINDS: readonly OutputKind[] = [
  SLMGR,
  ATO,
  AO_LIST,
  OSPP,
  NSLOOKUP,
  RESOLVE_DNSNAME,
  TEST_NETCONNECTION,
  W32TM_STATUS,
  W32TM_STRIPCHART,
  EVENT,
  CIM,
  REG,
  DISM,
  SERVICE,
  WHOAMI,
  W32TM_RESYNC,
  SYSPREP,
  BIOS,
  DIR,
  INSTALL_WINDOWSFEATURE,
  IPCONFIG,
  NETFIREWALL,
  ICACLS,
  STORE_RESTORE,
];
