/**
 * The one read-only Windows PowerShell 5.1 command that collects what the flows need, for the app
 * to show with Copy. Everything it prints uses English property names (or w32tm's sample rows), so
 * the reader understands its output on any display language. It needs no module to install and no
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
  'IsKeyManagementServiceMachine',
  'KeyManagementServiceCurrentCount',
  'RemainingSkuReArmCount',
  'GenuineStatus',
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
  `$p = @(Get-CimInstance -ClassName SoftwareLicensingProduct -Filter "ApplicationID='${WINDOWS_APP_ID}' AND PartialProductKey IS NOT NULL")`,
  `$p | Format-List ${PRODUCT_PROPERTIES.join(',')}`,
  // The service-wide values (CMID, host port and publishing, rearm count): a read as well.
  `Get-CimInstance -ClassName SoftwareLicensingService | Format-List ${SERVICE_PROPERTIES.join(',')}`,
  // The SRV lookup a KMS client makes, in the primary DNS suffix: a DNS query, nothing cached or
  // registered. A failure prints PowerShell's own error id, which no display language translates.
  `$d = $null`,
  `if ($m -eq 'FullLanguage') { $d = [System.Net.NetworkInformation.IPGlobalProperties]::GetIPGlobalProperties().DomainName } else { $d = (Get-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters' -Name Domain).Domain }`,
  // A client without a primary DNS suffix (a workgroup) looks _vlmcs up in its connections' suffixes.
  `$c = @(Get-DnsClient | Where-Object { $_.ConnectionSpecificSuffix })`,
  `$c | Format-List InterfaceAlias,ConnectionSpecificSuffix`,
  `if (-not $d -and $c.Count) { $d = $c[0].ConnectionSpecificSuffix }`,
  `$q = '_vlmcs._tcp'`,
  `if ($d) { $q = "_vlmcs._tcp.$d" }`,
  `$s = @()`,
  `try { $r = @(Resolve-DnsName -Name $q -Type SRV -DnsOnly -ErrorAction Stop); $r | Format-List Name,Type,Section,NameTarget,Priority,Weight,Port; $s = @($r | Where-Object { $_.Type -eq 'SRV' } | Sort-Object Priority) } catch { "Resolve-DnsName : $q : $($_.Exception.Message -replace '[\\r\\n]+', ' ')"; "    + FullyQualifiedErrorId : $($_.FullyQualifiedErrorId)" }`,
  // The KMS host the client would use: the /skms one, else the one it found, else the SRV answer.
  `$h = $null`,
  `$o = 1688`,
  `$k = $p | Where-Object { $_.KeyManagementServiceMachine -or $_.DiscoveredKeyManagementServiceMachineName } | Select-Object -First 1`,
  `if ($k.KeyManagementServiceMachine) { $h = $k.KeyManagementServiceMachine; if ($k.KeyManagementServicePort) { $o = $k.KeyManagementServicePort } } elseif ($k.DiscoveredKeyManagementServiceMachineName) { $h = $k.DiscoveredKeyManagementServiceMachineName; if ($k.DiscoveredKeyManagementServiceMachinePort) { $o = $k.DiscoveredKeyManagementServiceMachinePort } } elseif ($s.Count) { $h = $s[0].NameTarget; $o = $s[0].Port }`,
  // A TCP connect with a 3-second limit, closed at once: it sends no data and changes nothing. Printed with
  // Test-NetConnection's property names; in Constrained Language mode, Test-NetConnection itself (slower: it
  // pings first).
  `if ($h -and $m -ne 'FullLanguage') { Test-NetConnection -ComputerName $h.Trim('[', ']') -Port $o -WarningAction SilentlyContinue | Format-List ComputerName,RemoteAddress,RemotePort,TcpTestSucceeded }`,
  `if ($h -and $m -eq 'FullLanguage') { $h = $h.Trim('[', ']'); $a = ''; try { $a = ([System.Net.Dns]::GetHostAddresses($h) | Select-Object -First 1).IPAddressToString } catch { }; $ok = $false; $t = New-Object System.Net.Sockets.TcpClient; try { $ok = $t.ConnectAsync($h, [int]$o).Wait(3000) } catch { $ok = $false }; $t.Close(); [pscustomobject]@{ ComputerName = $h; RemoteAddress = $a; RemotePort = $o; TcpTestSucceeded = $ok } | Format-List }`,
  // One NTP sample against the host: /stripchart only measures the offset, it never sets the clock.
  `if ($h) { w32tm /stripchart /computer:$h /samples:1 /dataonly }`,
];

/** The collect command: one line to paste into Windows PowerShell 5.1 (a script block, so nothing leaks). */
export const COLLECT_COMMAND = `& { ${PARTS.join('; ')} }`;
