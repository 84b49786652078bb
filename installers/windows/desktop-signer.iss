; Inno Setup 6 script: Desktop Signer for Windows (x64), from the PyInstaller folder.
;
;   pyinstaller --noconfirm installers\desktop-signer.spec          (gives dist\desktop-signer\)
;   iscc /DAppVersion=0.1.0 /DSourceDir=..\..\dist\desktop-signer installers\windows\desktop-signer.iss
;
; gives dist\desktop-signer-<version>-setup.exe. Not built or run on the project's Linux
; machine: .github/workflows/installers.yml builds it on windows-latest (see installers/README.md).
;
; - per-machine install in Program Files, Start-menu entry, uninstaller;
; - "Open with" for .pdf without taking the default viewer's place: our ProgID is listed
;   under .pdf\OpenWithProgids; .pdf's (Default) value is never written;
; - the administrator's folder C:\ProgramData\desktop-signer (settings.json, trust\anchors\)
;   is created and kept on uninstall; users' settings and journal in %LOCALAPPDATA% are
;   never touched by the uninstaller.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\desktop-signer"
#endif
#define AppName "Desktop Signer"
#define AppExe "desktop-signer.exe"
#define AppCli "desktop-signer-cli.exe"
#define ProgId "DesktopSigner.PDF"

[Setup]
; A fixed AppId keeps upgrades in place; never change it.
AppId={{6F0C4E0B-6B1B-4C5E-9D8F-3B1E7C2A9D41}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Desktop Signer contributors
DefaultDirName={autopf}\Desktop Signer
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
UninstallDisplayIcon={app}\{#AppExe}
OutputDir=..\..\dist
OutputBaseFilename=desktop-signer-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
LicenseFile=..\..\LICENSE
; Code signing: pass /Ssigntool=... to iscc (the key lives in an HSM or a cloud signing
; service, see installers/README.md); the uninstaller is signed too.
#ifdef SignTool
SignTool={#SignTool}
SignedUninstaller=yes
#endif

[Languages]
; Inno Setup ships no Indonesian translation (only an unofficial one exists): the
; installer's own pages are English until installers/windows/Indonesian.isl is added.
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Dirs]
; The administrator's settings and trust anchors (desktop_signer/paths.py site_config()).
Name: "{commonappdata}\desktop-signer"; Flags: uninsneveruninstall
Name: "{commonappdata}\desktop-signer\trust\anchors"; Flags: uninsneveruninstall

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Registry]
; Our ProgID: how Windows opens a PDF with Desktop Signer.
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "PDF ({#AppName})"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; Offered under "Open with" for .pdf; the empty value names our ProgID. .pdf's (Default),
; which is the default viewer, stays as it was.
Root: HKA; Subkey: "Software\Classes\.pdf\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
; Registered application (Default Apps settings can list it).
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".pdf"; ValueData: ""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Microsoft\Windows\CurrentVersion\App Paths\{#AppCli}"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppCli}"; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself wrote into its own folder; %LOCALAPPDATA%\desktop-signer
; (settings, journal, training set-up) and ProgramData stay.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
