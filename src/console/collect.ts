/**
 * The one read-only Windows PowerShell 5.1 command that collects what the flows need, for the app
 * to show with Copy. Everything it prints uses English property names, except w32tm's sample rows, which
 * the reader reads by their shape (time, offset), so it understands the output on any display language. It needs no module to install and no
 * administrator rights, and it changes nothing on the machine. In Constrained Language mode (WDAC or
 * AppLocker servers), where .NET calls are refused, it uses cmdlets instead, and says which mode it ran in.
 */

// Windows' application ID in the Software Licensing classes (slmgr.vbs: WindowsAppId).
const WINDOWS_APP_ID = '55c92734-d682-4d71-983e-d6ec3f16059f';

const PRODUCT_PROPERTIES = [
  'Name',
  'Description',
  'LicenseStatus',
  'LicenseStatusReason',
  'GracePeriodRemaining',
  'ProductKeyChannel',
  'PartialProductKey',
  'VLActivationTypeEnabled',
  'KeyManagementServiceMachine',
  'KeyManagementServicePort',
  'DiscoveredKeyManagementServiceMachineName',
  'DiscoveredKeyManagementServiceMachinePort',
  'DiscoveredKeyManagementServiceMachineIpAddress',
  'KeyManagementServiceLookupDomain',
  'IsKeyManagementServiceMachine',
  'KeyManagementServiceCurrentCount',
  'RemainingSkuReArmCount',
  'GenuineStatus',
  // Extended Security Updates keys share Windows' application ID: this tells them apart.
  'LicenseIsAddon',
];

const SERVICE_PROPERTIES = [
  'ClientMachineID',
  'KeyManagementServiceListeningPort',
  'KeyManagementServiceDnsPublishing',
  'RemainingWindowsReArmCount',
];

const PARTS = [
  // Errors of a failed read are skipped, not shown; the setting lives in this script block only.
  `$ErrorActionPreference = 'SilentlyContinue'`,
  // ConstrainedLanguage refuses New-Object and static .NET calls: the tests below then use cmdlets, so a
  // test that could not run never reads as a failed one.
  `$m = $ExecutionContext.SessionState.LanguageMode`,
  `"LanguageMode : $m"`,
  // Get-CimInstance only reads WMI instances (no method is invoked): the Windows product with a key.
  `$p = @(Get-CimInstance -ClassName SoftwareLicensingProduct -Filter "ApplicationID='${WINDOWS_APP_ID}' AND PartialProductKey IS NOT NULL" -ErrorVariable w)`,
  // A licensing service that cannot be read says so: empty output would look like "no key installed".
  `if ($w) { "Get-CimInstance : $($w[0].Exception.Message -replace '[\\r\\n]+', ' ')"; "    + FullyQualifiedErrorId : $($w[0].FullyQualifiedErrorId)" }`,
  `$p | Format-List ${PRODUCT_PROPERTIES.join(',')}`,
  // The service-wide values (CMID, host port and publishing, rearm count): a read as well.
  `Get-CimInstance -ClassName SoftwareLicensingService | Format-List ${SERVICE_PROPERTIES.join(',')}`,
  // The SRV lookups a KMS client makes: in the domain set with /skms-domain if there is one, else in its
  // primary DNS suffix (the policy's first), its connections' suffixes (a workgroup client's DHCP domain) and
  // its suffix search list, until one answers. DNS queries only: nothing is registered (the answers are
  // cached, as the client's own would be). A failure prints PowerShell's own error id, which no display
  // language translates.
  `$l = ($p | Where-Object { $_.KeyManagementServiceLookupDomain } | Select-Object -First 1).KeyManagementServiceLookupDomain`,
  `$d = $null`,
  `if ($m -eq 'FullLanguage') { $d = [System.Net.NetworkInformation.IPGlobalProperties]::GetIPGlobalProperties().DomainName } else { $d = (Get-ItemProperty -Path 'HKLM:\\Software\\Policies\\Microsoft\\System\\DNSClient' -Name 'NV PrimaryDnsSuffix').'NV PrimaryDnsSuffix'; if (-not $d) { $d = (Get-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters' -Name Domain).Domain } }`,
  `$c = @(Get-DnsClient | Where-Object { $_.ConnectionSpecificSuffix })`,
  `$c | Format-List InterfaceAlias,ConnectionSpecificSuffix`,
  `$x = @(if ($l) { $l } else { $d; $c | ForEach-Object { $_.ConnectionSpecificSuffix }; (Get-DnsClientGlobalSetting).SuffixSearchList }) | Where-Object { $_ } | Select-Object -Unique`,
  `if (-not $x) { $x = @('') }`,
  `$s = @()`,
  `foreach ($z in $x) { if ($s.Count) { break }; $q = '_vlmcs._tcp'; if ($z) { $q = "_vlmcs._tcp.$z" }; try { $r = @(Resolve-DnsName -Name $q -Type SRV -DnsOnly -ErrorAction Stop); $r | Format-List Name,Type,Section,NameTarget,Priority,Weight,Port,IPAddress; if (-not $s.Count) { $s = @($r | Where-Object { $_.Type -eq 'SRV' } | Sort-Object Priority) } } catch { "Resolve-DnsName : $q : $($_.Exception.Message -replace '[\\r\\n]+', ' ')"; "    + FullyQualifiedErrorId : $($_.FullyQualifiedErrorId)" } }`,
  // The KMS host the client would use: the /skms one, else the one it found, else the SRV answer.
  `$h = $null`,
  `$o = 1688`,
  `$k = $p | Where-Object { $_.KeyManagementServiceMachine -or $_.DiscoveredKeyManagementServiceMachineName } | Select-Object -First 1`,
  `if ($k.KeyManagementServiceMachine) { $h = $k.KeyManagementServiceMachine; if ($k.KeyManagementServicePort) { $o = $k.KeyManagementServicePort } } elseif ($k.DiscoveredKeyManagementServiceMachineName) { $h = $k.DiscoveredKeyManagementServiceMachineName; if ($k.DiscoveredKeyManagementServiceMachinePort) { $o = $k.DiscoveredKeyManagementServiceMachinePort } } elseif ($s.Count) { $h = $s[0].NameTarget; $o = $s[0].Port }`,
  // A TCP connect with a 5-second limit (a lost first attempt is sent again after about 3 s), closed at
  // once: it sends no data and changes nothing. To the address the name resolves to, in its own address
  // family (a TcpClient made without one speaks IPv4 only); a name that does not resolve is not tested,
  // and says so. Printed with Test-NetConnection's property names. In Constrained Language mode,
  // Test-NetConnection itself (slower: it pings first); an empty RemoteAddress there means not tested.
  `if ($h) { $h = $h.Trim('[', ']') }`,
  `if ($h -and $m -ne 'FullLanguage') { Test-NetConnection -ComputerName $h -Port $o -WarningAction SilentlyContinue | Format-List ComputerName,RemoteAddress,RemotePort,TcpTestSucceeded }`,
  `if ($h -and $m -eq 'FullLanguage') { $i = $null; try { $i = [System.Net.Dns]::GetHostAddresses($h) | Select-Object -First 1 } catch { }; if ($i) { $ok = $false; $t = New-Object System.Net.Sockets.TcpClient($i.AddressFamily); try { $ok = $t.ConnectAsync($i, [int]$o).Wait(5000) } catch { $ok = $false }; $t.Close(); [pscustomobject]@{ ComputerName = $h; RemoteAddress = $i.IPAddressToString; RemotePort = $o; TcpTestSucceeded = $ok } | Format-List } else { "TCP test to $($h):$($o) not run: the name did not resolve" } }`,
  // One NTP sample against the host: /stripchart only measures the offset, it never sets the clock. A KMS
  // host that is not a time server does not answer: the offset is then unknown, not wrong.
  `if ($h) { w32tm /stripchart /computer:$h /samples:1 /dataonly }`,
];

/** The collect command: one line to paste into Windows PowerShell 5.1 (a script block, so nothing leaks). */
export const COLLECT_COMMAND = `& { ${PARTS.join('; ')} }`;
