<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Desktop Signer</source>
        <translation>Tentang Desktop Signer</translation>
    </message>
    <message>
        <source>Licence: %1</source>
        <translation>Lisensi: %1</translation>
    </message>
    <message>
        <source>Sign PDF letters with electronic certificates issued by Balai Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi Negara, and check the signatures of letters you receive.</source>
        <translation>Tanda tangani surat PDF dengan sertifikat elektronik yang diterbitkan oleh Balai Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi Negara, dan periksa tanda tangan pada surat yang Anda terima.</translation>
    </message>
    <message>
        <source>You may use, study, share and change this program. If you offer it to others over a network, you must offer them its source code too.</source>
        <translation>Anda boleh menggunakan, mempelajari, membagikan, dan mengubah program ini. Jika Anda menyediakannya bagi orang lain melalui jaringan, Anda wajib menyediakan kode sumbernya juga.</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>Dibangun dengan</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versi</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lisensi</translation>
    </message>
    <message>
        <source>Libraries used</source>
        <translation>Pustaka yang digunakan</translation>
    </message>
    <message>
        <source>BSrE logo</source>
        <translation>Logo BSrE</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>Sign several files</source>
        <translation>Tanda tangani banyak berkas</translation>
    </message>
    <message>
        <source>&amp;Files to sign:</source>
        <translation>&amp;Berkas yang ditandatangani:</translation>
    </message>
    <message>
        <source>Files to sign</source>
        <translation>Berkas yang ditandatangani</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>Tambah &amp;berkas…</translation>
    </message>
    <message>
        <source>Add a fol&amp;der…</source>
        <translation>Tambah fol&amp;der…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Hapus dari daftar</translation>
    </message>
    <message>
        <source>Where the stamp goes:</source>
        <translation>Letak stempel:</translation>
    </message>
    <message>
        <source>At the &amp;marker “#” in each letter</source>
        <translation>Di &amp;penanda “#” pada setiap surat</translation>
    </message>
    <message>
        <source>At a fixed &amp;place:</source>
        <translation>Di tempat &amp;tetap:</translation>
    </message>
    <message>
        <source>As placed on &amp;this letter</source>
        <translation>Seperti pada &amp;surat ini</translation>
    </message>
    <message>
        <source>Bottom right</source>
        <translation>Kanan bawah</translation>
    </message>
    <message>
        <source>Bottom left</source>
        <translation>Kiri bawah</translation>
    </message>
    <message>
        <source>Bottom centre</source>
        <translation>Tengah bawah</translation>
    </message>
    <message>
        <source>Top right</source>
        <translation>Kanan atas</translation>
    </message>
    <message>
        <source>Top left</source>
        <translation>Kiri atas</translation>
    </message>
    <message>
        <source>Fixed place</source>
        <translation>Tempat tetap</translation>
    </message>
    <message>
        <source>&amp;Output folder:</source>
        <translation>&amp;Folder hasil:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Telusuri…</translation>
    </message>
    <message>
        <source>C&amp;hoose certificate…</source>
        <translation>Pi&amp;lih sertifikat…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <source>Results per file</source>
        <translation>Hasil per berkas</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Kemajuan</translation>
    </message>
    <message>
        <source>&amp;Sign all</source>
        <translation>Tanda &amp;tangani semua</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>B&amp;atal</translation>
    </message>
    <message>
        <source>&amp;Open output folder</source>
        <translation>B&amp;uka folder hasil</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>No certificate chosen yet.</source>
        <translation>Belum ada sertifikat yang dipilih.</translation>
    </message>
    <message>
        <source>Signing as %1 (%2)</source>
        <translation>Menandatangani sebagai %1 (%2)</translation>
    </message>
    <message>
        <source>Choose PDF letters</source>
        <translation>Pilih surat PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf *.PDF)</source>
        <translation>Dokumen PDF (*.pdf *.PDF)</translation>
    </message>
    <message>
        <source>Choose a folder of PDF letters</source>
        <translation>Pilih folder berisi surat PDF</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Folder hasil</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>menunggu</translation>
    </message>
    <message>
        <source>signing…</source>
        <translation>ditandatangani…</translation>
    </message>
    <message>
        <source>written, being checked</source>
        <translation>ditulis, sedang diperiksa</translation>
    </message>
    <message>
        <source>File %1 of %2: %3</source>
        <translation>Berkas %1 dari %2: %3</translation>
    </message>
    <message>
        <source>About %1 s left</source>
        <translation>Sekitar %1 detik lagi</translation>
    </message>
    <message>
        <source>Estimating the time left…</source>
        <translation>Memperkirakan sisa waktu…</translation>
    </message>
    <message>
        <source>Cancelling: the file being signed is finished, no other is started…</source>
        <translation>Membatalkan: berkas yang sedang ditandatangani diselesaikan, berkas lain tidak dimulai…</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>ditandatangani</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>dilewati</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>gagal</translation>
    </message>
    <message>
        <source>%1 signed, %2 skipped, %3 failed.</source>
        <translation>%1 ditandatangani, %2 dilewati, %3 gagal.</translation>
    </message>
    <message>
        <source>Cancelled: %1 files were not started.</source>
        <translation>Dibatalkan: %1 berkas tidak dimulai.</translation>
    </message>
    <message>
        <source>The token was removed during the batch: the files signed before are complete; put the token back and sign the rest again.</source>
        <translation>Token dicabut selama penandatanganan: berkas yang sudah ditandatangani lengkap; pasang kembali token dan tanda tangani sisanya lagi.</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>Selesai.</translation>
    </message>
</context>
<context>
    <name>DetailsView</name>
    <message>
        <source>Outlined in red: what changed since this signature was made (page %1). Open the signed version to see what was signed.</source>
        <translation>Bergaris merah: yang berubah sejak tanda tangan ini dibuat (halaman %1). Buka versi yang ditandatangani untuk melihat apa yang ditandatangani.</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>Hasil: %1</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>Yang perlu dilakukan:</translation>
    </message>
    <message>
        <source>Certificate chain</source>
        <translation>Rantai sertifikat</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint: %1</source>
        <translation>Sidik jari SHA-256: %1</translation>
    </message>
    <message>
        <source>Trust the issuer…</source>
        <translation>Percayai penerbit…</translation>
    </message>
    <message>
        <source>Check again online</source>
        <translation>Periksa ulang secara daring</translation>
    </message>
    <message>
        <source>View signed version</source>
        <translation>Lihat versi yang ditandatangani</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Bandingkan</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Salin rincian</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Ekspor laporan…</translation>
    </message>
    <message>
        <source>Import the issuer&apos;s root or CA certificate from a file, compare its SHA-256, then verify again</source>
        <translation>Impor sertifikat root atau CA penerbit dari berkas, cocokkan SHA-256-nya, lalu periksa ulang</translation>
    </message>
    <message>
        <source>Ask the certificate authority for the revocation status now</source>
        <translation>Tanyakan status pencabutan kepada penerbit sertifikat sekarang</translation>
    </message>
    <message>
        <source>Open the exact revision this signature signed, read-only, in its own tab</source>
        <translation>Buka revisi persis yang ditandatangani, hanya-baca, di tab tersendiri</translation>
    </message>
    <message>
        <source>Highlight what changed on the pages since this signature was made</source>
        <translation>Sorot bagian halaman yang berubah sejak tanda tangan ini dibuat</translation>
    </message>
    <message>
        <source>Copy this signature&apos;s details as text</source>
        <translation>Salin rincian tanda tangan ini sebagai teks</translation>
    </message>
    <message>
        <source>Save the validation report of this document as PDF or JSON</source>
        <translation>Simpan laporan validasi dokumen ini sebagai PDF atau JSON</translation>
    </message>
</context>
<context>
    <name>DocumentTab</name>
    <message>
        <source>This file is damaged; Desktop Signer repaired it to show it. What you see may differ from other PDF readers. Ask the sender for a new copy before signing.</source>
        <translation>Berkas ini rusak; Desktop Signer memperbaikinya agar dapat ditampilkan. Tampilannya mungkin berbeda di pembaca PDF lain. Mintalah salinan baru kepada pengirim sebelum menandatangani.</translation>
    </message>
    <message>
        <source>Page %1 could not be shown; the document may be damaged there.</source>
        <translation>Halaman %1 tidak dapat ditampilkan; dokumen mungkin rusak di bagian itu.</translation>
    </message>
    <message>
        <source>Password required</source>
        <translation>Kata sandi diperlukan</translation>
    </message>
    <message>
        <source>“%1” is protected with a password. Enter the password to open it:</source>
        <translation>“%1” dilindungi kata sandi. Masukkan kata sandi untuk membukanya:</translation>
    </message>
    <message>
        <source>The password is not correct. Enter the password for “%1” again:</source>
        <translation>Kata sandi salah. Masukkan lagi kata sandi untuk “%1”:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>The file was deleted or moved. The preview shows the document as it was when it was opened; it cannot be signed from here.</source>
        <translation>Berkas telah dihapus atau dipindahkan. Pratinjau menampilkan dokumen seperti saat dibuka; dokumen ini tidak dapat ditandatangani dari sini.</translation>
    </message>
    <message>
        <source>The file can no longer be read. The preview shows the document as it was when it was opened.</source>
        <translation>Berkas tidak dapat dibaca lagi. Pratinjau menampilkan dokumen seperti saat dibuka.</translation>
    </message>
    <message>
        <source>The file was changed by another program. Reload it to see the current version.</source>
        <translation>Berkas telah diubah oleh program lain. Muat ulang untuk melihat versi terbaru.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Muat Ulang</translation>
    </message>
    <message>
        <source>The preview stopped unexpectedly. Reload the document to continue.</source>
        <translation>Pratinjau berhenti secara tak terduga. Muat ulang dokumen untuk melanjutkan.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Mencari…</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Tidak ditemukan</translation>
    </message>
    <message>
        <source>Searching… page %1 of %2</source>
        <translation>Mencari… halaman %1 dari %2</translation>
    </message>
    <message>
        <source>Match %1 of %2</source>
        <translation>Hasil %1 dari %2</translation>
    </message>
    <message>
        <source>(still searching)</source>
        <translation>(masih mencari)</translation>
    </message>
    <message>
        <source>Document preview</source>
        <translation>Pratinjau dokumen</translation>
    </message>
    <message>
        <source>Page thumbnails</source>
        <translation>Gambar mini halaman</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The document could not be opened</source>
        <translation>Dokumen tidak dapat dibuka</translation>
    </message>
    <message>
        <source>The document could not be reloaded</source>
        <translation>Dokumen tidak dapat dimuat ulang</translation>
    </message>
    <message>
        <source>The settings were not saved</source>
        <translation>Pengaturan tidak tersimpan</translation>
    </message>
    <message>
        <source>The token module was not added</source>
        <translation>Modul token tidak ditambahkan</translation>
    </message>
    <message>
        <source>The certificate was not imported</source>
        <translation>Sertifikat tidak diimpor</translation>
    </message>
    <message>
        <source>The certificate was not removed</source>
        <translation>Sertifikat tidak dihapus</translation>
    </message>
    <message>
        <source>The password was not saved</source>
        <translation>Kata sandi tidak tersimpan</translation>
    </message>
    <message>
        <source>The validation report was not saved</source>
        <translation>Laporan validasi tidak tersimpan</translation>
    </message>
    <message>
        <source>The signatures could not be checked</source>
        <translation>Tanda tangan tidak dapat diperiksa</translation>
    </message>
    <message>
        <source>The document was not signed</source>
        <translation>Dokumen tidak ditandatangani</translation>
    </message>
    <message>
        <source>The training class was not prepared</source>
        <translation>Kelas latihan tidak berhasil disiapkan</translation>
    </message>
    <message>
        <source>The training services did not start</source>
        <translation>Layanan latihan tidak dapat dijalankan</translation>
    </message>
    <message>
        <source>The training tokens were not rebuilt</source>
        <translation>Token latihan tidak berhasil dibuat ulang</translation>
    </message>
    <message>
        <source>The exercises could not be checked</source>
        <translation>Latihan soal tidak dapat diperiksa</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Terjadi kesalahan</translation>
    </message>
    <message>
        <source>The file {name} no longer exists. It may have been moved, renamed or deleted. Open it again from its new place.</source>
        <translation>Berkas {name} sudah tidak ada. Berkas itu mungkin telah dipindahkan, diganti namanya, atau dihapus. Buka lagi dari tempatnya yang baru.</translation>
    </message>
    <message>
        <source>The file {name} cannot be read. Check that it is a file and not a folder, that you are allowed to read it, and that its drive or network share is still connected.</source>
        <translation>Berkas {name} tidak dapat dibaca. Pastikan itu berkas dan bukan folder, bahwa Anda berhak membacanya, dan bahwa diska atau folder jaringannya masih tersambung.</translation>
    </message>
    <message>
        <source>The file {name} is empty (0 bytes). It was probably not saved or downloaded completely. Ask the sender for the document again.</source>
        <translation>Berkas {name} kosong (0 bita). Kemungkinan berkas itu tidak tersimpan atau tidak terunduh dengan lengkap. Mintalah dokumen itu lagi kepada pengirim.</translation>
    </message>
    <message>
        <source>The file {name} is not a PDF document. Desktop Signer opens PDF files only. If it is a word-processor or image file, save or print it as PDF first.</source>
        <translation>Berkas {name} bukan dokumen PDF. Desktop Signer hanya membuka berkas PDF. Jika itu berkas pengolah kata atau gambar, simpan atau cetak dulu sebagai PDF.</translation>
    </message>
    <message>
        <source>The file {name} is incomplete: its end is missing, usually because a download or copy was interrupted. Download or copy it again, or ask the sender for a new copy.</source>
        <translation>Berkas {name} tidak lengkap: bagian akhirnya hilang, biasanya karena pengunduhan atau penyalinan terputus. Unduh atau salin lagi, atau mintalah salinan baru kepada pengirim.</translation>
    </message>
    <message>
        <source>The file {name} is damaged and cannot be shown. Ask the sender for a new copy.</source>
        <translation>Berkas {name} rusak dan tidak dapat ditampilkan. Mintalah salinan baru kepada pengirim.</translation>
    </message>
    <message>
        <source>The document {name} is protected with a password. Enter the password to open it.</source>
        <translation>Dokumen {name} dilindungi kata sandi. Masukkan kata sandi untuk membukanya.</translation>
    </message>
    <message>
        <source>The password for {name} is not correct. Check the spelling and the Caps Lock key, then try again.</source>
        <translation>Kata sandi untuk {name} salah. Periksa ejaan dan tombol Caps Lock, lalu coba lagi.</translation>
    </message>
    <message>
        <source>The document {name} has no page {page}.</source>
        <translation>Dokumen {name} tidak memiliki halaman {page}.</translation>
    </message>
    <message>
        <source>Page {page} of {name} could not be shown; the document may be damaged there. The other pages are still shown.</source>
        <translation>Halaman {page} dari {name} tidak dapat ditampilkan; dokumen mungkin rusak di bagian itu. Halaman lain tetap ditampilkan.</translation>
    </message>
    <message>
        <source>The part of Desktop Signer that shows documents stopped unexpectedly. Reload the document (F5). If this happens again with the same file, the file may be damaged.</source>
        <translation>Bagian Desktop Signer yang menampilkan dokumen berhenti secara tak terduga. Muat ulang dokumen (F5). Jika ini terjadi lagi dengan berkas yang sama, berkas itu mungkin rusak.</translation>
    </message>
    <message>
        <source>Desktop Signer cannot write its settings file. Check that your home folder is not full and that you are allowed to write in it.</source>
        <translation>Desktop Signer tidak dapat menulis berkas pengaturannya. Pastikan folder pribadi Anda tidak penuh dan Anda berhak menulis di dalamnya.</translation>
    </message>
    <message>
        <source>This computer has no password store (keyring) that Desktop Signer can use. The password was not stored; enter it when you sign instead.</source>
        <translation>Komputer ini tidak memiliki penyimpanan kata sandi (keyring) yang dapat digunakan Desktop Signer. Kata sandi tidak disimpan; masukkan kata sandi saat menandatangani.</translation>
    </message>
    <message>
        <source>The certificate file {name} cannot be read.</source>
        <translation>Berkas sertifikat {name} tidak dapat dibaca.</translation>
    </message>
    <message>
        <source>The file {name} contains no certificate. Choose a .pem, .crt, .cer or .der file from BSrE or your administrator.</source>
        <translation>Berkas {name} tidak berisi sertifikat. Pilih berkas .pem, .crt, .cer, atau .der dari BSrE atau dari administrator Anda.</translation>
    </message>
    <message>
        <source>Desktop Signer cannot write to its list of trusted certificates. Check that you are allowed to write in your settings folder.</source>
        <translation>Desktop Signer tidak dapat menulis ke daftar sertifikat tepercaya. Pastikan Anda berhak menulis di folder pengaturan Anda.</translation>
    </message>
    <message>
        <source>The name for signed files must contain {stem} (the original name) and end with .pdf, for example {stem}_signed.pdf.</source>
        <translation>Nama berkas yang ditandatangani harus memuat {stem} (nama aslinya) dan berakhiran .pdf, misalnya {stem}_signed.pdf.</translation>
    </message>
    <message>
        <source>Desktop Signer cannot write {name}. Choose a folder you are allowed to write in, with free space.</source>
        <translation>Desktop Signer tidak dapat menulis {name}. Pilih folder yang boleh Anda tulisi dan masih memiliki ruang kosong.</translation>
    </message>
    <message>
        <source>The file {name} does not exist. Choose the token&apos;s PKCS#11 module (a .so, .dll or .dylib file from the token vendor).</source>
        <translation>Berkas {name} tidak ada. Pilih modul PKCS#11 token (berkas .so, .dll, atau .dylib dari vendor token).</translation>
    </message>
    <message>
        <source>The file {name} is not a PKCS#11 module that this computer can load. Choose the module from the token vendor&apos;s software for this operating system.</source>
        <translation>Berkas {name} bukan modul PKCS#11 yang dapat dimuat komputer ini. Pilih modul dari perangkat lunak vendor token untuk sistem operasi ini.</translation>
    </message>
    <message>
        <source>Port {port} on this computer is already used by another program, so the training services (time stamps, certificate status) cannot start. Close that program (for example a “desktop-signer training serve” for another training folder), then choose Training → Restart training services.</source>
        <translation>Port {port} di komputer ini sudah dipakai program lain, sehingga layanan latihan (stempel waktu, status sertifikat) tidak dapat dijalankan. Tutup program itu (misalnya “desktop-signer training serve” untuk folder latihan lain), lalu pilih Latihan → Jalankan ulang layanan latihan.</translation>
    </message>
    <message>
        <source>SoftHSM2, which provides the training tokens, is not installed. Ask your IT support to install it (on Debian or Ubuntu: sudo apt-get install softhsm2).</source>
        <translation>SoftHSM2, penyedia token latihan, belum terpasang. Minta bagian TI untuk memasangnya (di Debian atau Ubuntu: sudo apt-get install softhsm2).</translation>
    </message>
    <message>
        <source>The training folder {name} holds other files. Empty it or choose another training folder in the settings.</source>
        <translation>Folder latihan {name} berisi berkas lain. Kosongkan folder itu atau pilih folder latihan lain di pengaturan.</translation>
    </message>
    <message>
        <source>Desktop Signer cannot write in the training folder {name}. Check that you are allowed to write there.</source>
        <translation>Desktop Signer tidak dapat menulis di folder latihan {name}. Periksa apakah Anda berhak menulis di sana.</translation>
    </message>
    <message>
        <source>{name} is a file, not a folder. Choose another training folder.</source>
        <translation>{name} adalah berkas, bukan folder. Pilih folder latihan lain.</translation>
    </message>
    <message>
        <source>No training class has been prepared yet. Choose Training → Prepare a training class.</source>
        <translation>Belum ada kelas latihan yang disiapkan. Pilih Latihan → Siapkan kelas latihan.</translation>
    </message>
    <message>
        <source>The description of the training class ({name}) is damaged. Prepare a new training class.</source>
        <translation>Keterangan kelas latihan ({name}) rusak. Siapkan kelas latihan baru.</translation>
    </message>
    <message>
        <source>SoftHSM2 could not create the training tokens. Send the details below to your IT support.</source>
        <translation>SoftHSM2 tidak dapat membuat token latihan. Kirimkan rincian di bawah kepada bagian TI.</translation>
    </message>
    <message>
        <source>The training identities could not be written onto the training tokens. Send the details below to your IT support.</source>
        <translation>Identitas latihan tidak dapat ditulis ke token latihan. Kirimkan rincian di bawah kepada bagian TI.</translation>
    </message>
    <message>
        <source>An unexpected problem occurred. Try again; if it happens again, send the details below to your IT support.</source>
        <translation>Terjadi masalah yang tidak terduga. Coba lagi; jika terjadi lagi, kirimkan rincian di bawah ini kepada petugas TI Anda.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(tanpa nama)</translation>
    </message>
    <message>
        <source>The PIN is not correct. Check the Caps Lock key and the keyboard layout, then try again.</source>
        <translation>PIN tidak benar. Periksa tombol Caps Lock dan tata letak papan ketik, lalu coba lagi.</translation>
    </message>
    <message>
        <source>The token&apos;s PIN is locked. Unblock it with the token&apos;s PUK/SO PIN in the vendor&apos;s token tool, or ask your agency&apos;s registration officer (RA) for help.</source>
        <translation>PIN token terkunci. Buka blokirnya dengan PUK/SO PIN token di aplikasi vendor token, atau mintalah bantuan petugas pendaftaran (RA) instansi Anda.</translation>
    </message>
    <message>
        <source>Only one PIN attempt is left: a wrong PIN now locks the token. Confirm that you want to try.</source>
        <translation>Tinggal satu kali percobaan PIN: PIN yang salah sekarang mengunci token. Pastikan Anda ingin mencoba.</translation>
    </message>
    <message>
        <source>The token does not accept a PIN of this length or with these characters.</source>
        <translation>Token tidak menerima PIN dengan panjang atau karakter seperti ini.</translation>
    </message>
    <message>
        <source>The token says the PIN must be changed first. Change it with the vendor&apos;s token tool.</source>
        <translation>Token meminta PIN diganti terlebih dahulu. Gantilah dengan aplikasi vendor token.</translation>
    </message>
    <message>
        <source>Enter the token&apos;s PIN.</source>
        <translation>Masukkan PIN token.</translation>
    </message>
    <message>
        <source>The token was removed. Put it back in and sign again; files that were already signed are complete.</source>
        <translation>Token dicabut. Pasang kembali lalu tanda tangani lagi; berkas yang sudah ditandatangani lengkap.</translation>
    </message>
    <message>
        <source>The token is not plugged in. Insert it and try again.</source>
        <translation>Token tidak tercolok. Colokkan lalu coba lagi.</translation>
    </message>
    <message>
        <source>The token reported a problem. Remove it, insert it again and try once more.</source>
        <translation>Token melaporkan masalah. Cabut, colokkan lagi, lalu coba sekali lagi.</translation>
    </message>
    <message>
        <source>The certificate is no longer on the token.</source>
        <translation>Sertifikat sudah tidak ada di token.</translation>
    </message>
    <message>
        <source>The token has no private key for this certificate.</source>
        <translation>Token tidak memiliki kunci privat untuk sertifikat ini.</translation>
    </message>
    <message>
        <source>The token&apos;s key is not allowed to sign.</source>
        <translation>Kunci pada token tidak diizinkan menandatangani.</translation>
    </message>
    <message>
        <source>The passphrase of the certificate file is not correct.</source>
        <translation>Kata sandi berkas sertifikat tidak benar.</translation>
    </message>
    <message>
        <source>The certificate file {name} cannot be read or is not a PKCS#12 (.p12/.pfx) file.</source>
        <translation>Berkas sertifikat {name} tidak dapat dibaca atau bukan berkas PKCS#12 (.p12/.pfx).</translation>
    </message>
    <message>
        <source>The certificate file {name} holds no private key.</source>
        <translation>Berkas sertifikat {name} tidak berisi kunci privat.</translation>
    </message>
    <message>
        <source>The stamp box is too small for its text. Make it larger.</source>
        <translation>Kotak stempel terlalu kecil untuk teksnya. Perbesar kotaknya.</translation>
    </message>
    <message>
        <source>The letter has no marker for the stamp.</source>
        <translation>Surat tidak memiliki penanda untuk stempel.</translation>
    </message>
    <message>
        <source>The stamp lies outside the page. Move it onto the page.</source>
        <translation>Stempel berada di luar halaman. Pindahkan ke dalam halaman.</translation>
    </message>
    <message>
        <source>The signed file {name} already exists; it was not replaced.</source>
        <translation>Berkas bertanda tangan {name} sudah ada; berkas itu tidak ditimpa.</translation>
    </message>
    <message>
        <source>Desktop Signer cannot write into the folder of {name}. Choose another output folder.</source>
        <translation>Desktop Signer tidak dapat menulis ke folder {name}. Pilih folder hasil lain.</translation>
    </message>
    <message>
        <source>The output folder does not exist.</source>
        <translation>Folder hasil tidak ada.</translation>
    </message>
    <message>
        <source>The disk is full. Free some space and sign again.</source>
        <translation>Diska penuh. Kosongkan sebagian ruang lalu tanda tangani lagi.</translation>
    </message>
    <message>
        <source>The signed file {name} could not be written.</source>
        <translation>Berkas bertanda tangan {name} tidak dapat ditulis.</translation>
    </message>
    <message>
        <source>This level needs a time-stamp server. Set one in the settings or choose B-B.</source>
        <translation>Tingkat ini memerlukan server cap waktu. Atur di pengaturan atau pilih B-B.</translation>
    </message>
    <message>
        <source>The time-stamp server cannot be reached. Check the network or choose a lower level.</source>
        <translation>Server cap waktu tidak dapat dihubungi. Periksa jaringan atau pilih tingkat yang lebih rendah.</translation>
    </message>
    <message>
        <source>The time-stamp server refused the user name or password.</source>
        <translation>Server cap waktu menolak nama pengguna atau kata sandi.</translation>
    </message>
    <message>
        <source>The time-stamp server did not give a time stamp.</source>
        <translation>Server cap waktu tidak memberikan cap waktu.</translation>
    </message>
    <message>
        <source>The revocation status of the certificate could not be fetched. Check the network or choose B-T.</source>
        <translation>Status pencabutan sertifikat tidak dapat diambil. Periksa jaringan atau pilih B-T.</translation>
    </message>
    <message>
        <source>The certificate&apos;s chain up to its root is incomplete.</source>
        <translation>Rantai sertifikat sampai ke akarnya tidak lengkap.</translation>
    </message>
    <message>
        <source>The certificate was revoked; it cannot sign.</source>
        <translation>Sertifikat telah dicabut; tidak dapat menandatangani.</translation>
    </message>
    <message>
        <source>The certificate has expired; it cannot sign.</source>
        <translation>Sertifikat sudah kedaluwarsa; tidak dapat menandatangani.</translation>
    </message>
    <message>
        <source>The certificate is not valid yet.</source>
        <translation>Sertifikat belum berlaku.</translation>
    </message>
    <message>
        <source>The signed copy did not pass our own check; it was not kept. The original is unchanged.</source>
        <translation>Salinan bertanda tangan tidak lolos pemeriksaan kami sendiri; salinan itu tidak disimpan. Dokumen asli tidak berubah.</translation>
    </message>
    <message>
        <source>The document could not be signed. The original is unchanged.</source>
        <translation>Dokumen tidak dapat ditandatangani. Dokumen asli tidak berubah.</translation>
    </message>
    <message>
        <source>The document is certified against any change; it cannot be signed.</source>
        <translation>Dokumen disertifikasi tanpa izin perubahan apa pun; tidak dapat ditandatangani.</translation>
    </message>
    <message>
        <source>The file {name} is not a PDF document.</source>
        <translation>Berkas {name} bukan dokumen PDF.</translation>
    </message>
    <message>
        <source>The file {name} cannot be read.</source>
        <translation>Berkas {name} tidak dapat dibaca.</translation>
    </message>
    <message>
        <source>The BSrE certificate for this NIK has expired. Request a renewal at portal-bsre.bssn.go.id through your agency&apos;s TTE administrator.</source>
        <translation>Sertifikat BSrE untuk NIK ini sudah kedaluwarsa. Ajukan pembaruan di portal-bsre.bssn.go.id lewat admin TTE instansi Anda.</translation>
    </message>
    <message>
        <source>The BSrE certificate for this NIK is being renewed. Wait until it is issued, then try again.</source>
        <translation>Sertifikat BSrE untuk NIK ini sedang diperbarui. Tunggu sampai terbit, lalu coba lagi.</translation>
    </message>
    <message>
        <source>The BSrE certificate for this NIK is suspended. Contact your agency&apos;s TTE administrator or BSrE.</source>
        <translation>Sertifikat BSrE untuk NIK ini ditangguhkan. Hubungi admin TTE instansi Anda atau BSrE.</translation>
    </message>
    <message>
        <source>The BSrE certificate for this NIK has been revoked. Request a new certificate through your agency&apos;s TTE administrator.</source>
        <translation>Sertifikat BSrE untuk NIK ini telah dicabut. Ajukan sertifikat baru lewat admin TTE instansi Anda.</translation>
    </message>
    <message>
        <source>This NIK is not registered at BSrE. Check the NIK, or register through your agency&apos;s TTE administrator.</source>
        <translation>NIK ini tidak terdaftar di BSrE. Periksa NIK, atau daftar lewat admin TTE instansi Anda.</translation>
    </message>
    <message>
        <source>This NIK is registered but has no certificate yet. Request one at portal-bsre.bssn.go.id.</source>
        <translation>NIK ini terdaftar tetapi belum memiliki sertifikat. Ajukan sertifikat di portal-bsre.bssn.go.id.</translation>
    </message>
    <message>
        <source>The certificate request for this NIK is waiting for verification. Wait for the verifier&apos;s approval.</source>
        <translation>Permohonan sertifikat untuk NIK ini masih menunggu verifikasi. Tunggu persetujuan verifikator.</translation>
    </message>
    <message>
        <source>The certificate request for this NIK is new. Complete the registration at portal-bsre.bssn.go.id.</source>
        <translation>Permohonan sertifikat untuk NIK ini baru diajukan. Lengkapi pendaftaran di portal-bsre.bssn.go.id.</translation>
    </message>
    <message>
        <source>Unknown BSrE certificate status ({status}). Contact your agency&apos;s TTE administrator.</source>
        <translation>Status sertifikat BSrE tidak dikenal ({status}). Hubungi admin TTE instansi Anda.</translation>
    </message>
    <message>
        <source>Type your NIK (16 digits) or the email address registered at BSrE above, then click Check status.</source>
        <translation>Ketik NIK (16 angka) atau alamat email yang terdaftar di BSrE di atas, lalu klik Periksa status.</translation>
    </message>
    <message>
        <source>The NIK must be 16 digits.</source>
        <translation>NIK harus 16 angka.</translation>
    </message>
    <message>
        <source>This is not an email address. Type the NIK (16 digits) or the email address registered at BSrE.</source>
        <translation>Ini bukan alamat email. Ketik NIK (16 angka) atau alamat email yang terdaftar di BSrE.</translation>
    </message>
    <message>
        <source>The eSign Client Service address is not valid (e.g. http://esc.agency.go.id).</source>
        <translation>Alamat eSign Client Service tidak valid (contoh: http://esc.instansi.go.id).</translation>
    </message>
    <message>
        <source>The administrator forbids plain http://. Use the service&apos;s https:// address.</source>
        <translation>Administrator melarang http:// tanpa enkripsi. Pakai alamat https:// layanan.</translation>
    </message>
    <message>
        <source>The signer&apos;s name for the stamp is not known yet. Fill in the name in the signing panel.</source>
        <translation>Nama penanda tangan untuk stempel belum diketahui. Isi nama di panel tanda tangan.</translation>
    </message>
    <message>
        <source>BSrE: user not registered (2011). Check the NIK or contact your agency&apos;s TTE administrator.</source>
        <translation>BSrE: pengguna tidak terdaftar (2011). Periksa NIK atau hubungi admin TTE instansi Anda.</translation>
    </message>
    <message>
        <source>BSrE: no usable certificate for this NIK (2021).</source>
        <translation>BSrE: tidak ada sertifikat yang dapat dipakai untuk NIK ini (2021).</translation>
    </message>
    <message>
        <source>BSrE: wrong passphrase (2031); nothing was signed. Check the Caps Lock key and try again. Forgot it? Reset it at portal-bsre.bssn.go.id.</source>
        <translation>BSrE: passphrase salah (2031); tidak ada berkas yang ditandatangani. Periksa tombol Caps Lock dan coba lagi. Lupa passphrase? Atur ulang di portal-bsre.bssn.go.id.</translation>
    </message>
    <message>
        <source>BSrE: the TOTP code is wrong or expired. Get a new code in the BeSign app.</source>
        <translation>BSrE: kode TOTP salah atau kedaluwarsa. Minta kode baru di aplikasi BeSign.</translation>
    </message>
    <message>
        <source>The eSign Client Service refused the agency&apos;s client credential (HTTP {status}). Ask the administrator to check esc.user and its password.</source>
        <translation>eSign Client Service menolak kredensial klien instansi (HTTP {status}). Minta administrator memeriksa esc.user dan kata sandinya.</translation>
    </message>
    <message>
        <source>The eSign Client Service refused the request (HTTP {status}). Its text is in the details.</source>
        <translation>eSign Client Service menolak permintaan (HTTP {status}). Teksnya ada di rincian.</translation>
    </message>
    <message>
        <source>The eSign Client Service failed to process the PDF (HTTP {status}); nothing was written. Its text is in the details.</source>
        <translation>eSign Client Service gagal memproses PDF (HTTP {status}); tidak ada berkas yang ditulis. Teksnya ada di rincian.</translation>
    </message>
    <message>
        <source>The eSign Client Service did not answer within {seconds} seconds. The outcome is unknown and nothing is retried: check before trying again.</source>
        <translation>eSign Client Service tidak menjawab dalam {seconds} detik. Hasilnya tidak diketahui dan tidak dicoba ulang: periksa dulu sebelum mencoba lagi.</translation>
    </message>
    <message>
        <source>The eSign Client Service at {url} cannot be reached. Check the address and the agency network.</source>
        <translation>eSign Client Service di {url} tidak dapat dihubungi. Periksa alamat dan jaringan instansi.</translation>
    </message>
    <message>
        <source>The secure connection to the eSign Client Service failed (TLS certificate). Contact the administrator.</source>
        <translation>Koneksi aman ke eSign Client Service gagal (sertifikat TLS). Hubungi administrator.</translation>
    </message>
    <message>
        <source>The eSign Client Service&apos;s reply cannot be read; nothing was written.</source>
        <translation>Jawaban eSign Client Service tidak dapat dibaca; tidak ada berkas yang ditulis.</translation>
    </message>
    <message>
        <source>The eSign Client Service returned something that is not a PDF; nothing was written.</source>
        <translation>eSign Client Service mengembalikan sesuatu yang bukan PDF; tidak ada berkas yang ditulis.</translation>
    </message>
    <message>
        <source>The eSign Client Service changed the document instead of only adding a signature; the result was refused, nothing was written.</source>
        <translation>eSign Client Service mengubah dokumen, bukan hanya menambah tanda tangan; hasil ditolak, tidak ada berkas yang ditulis.</translation>
    </message>
    <message>
        <source>The eSign Client Service did not return exactly one new signature; the result was refused.</source>
        <translation>eSign Client Service tidak mengembalikan tepat satu tanda tangan baru; hasil ditolak.</translation>
    </message>
    <message>
        <source>The eSign Client Service returned a {level} signature, {requested} was asked for; the result was refused. Choose a lower level.</source>
        <translation>eSign Client Service mengembalikan tanda tangan tingkat {level}, diminta {requested}; hasil ditolak. Pilih tingkat yang lebih rendah.</translation>
    </message>
    <message>
        <source>The eSign Client Service put the stamp elsewhere than asked; the result was refused.</source>
        <translation>eSign Client Service menaruh stempel di tempat lain daripada yang diminta; hasil ditolak.</translation>
    </message>
</context>
<context>
    <name>EscPage</name>
    <message>
        <source>BSrE eSign</source>
        <translation>BSrE eSign</translation>
    </message>
    <message>
        <source>Signing with a BSrE key kept on BSrE&apos;s servers, through your agency&apos;s eSign Client Service. The administrator gives the address, the client user and its password; your own passphrase is asked at each signing and never stored.</source>
        <translation>Penandatanganan dengan kunci BSrE yang disimpan di server BSrE, melalui eSign Client Service instansi Anda. Administrator memberikan alamat, pengguna klien dan kata sandinya; passphrase Anda sendiri ditanyakan setiap kali menandatangani dan tidak pernah disimpan.</translation>
    </message>
    <message>
        <source>Service &amp;address (URL):</source>
        <translation>&amp;Alamat layanan (URL):</translation>
    </message>
    <message>
        <source>http://esc.agency.go.id</source>
        <translation>http://esc.instansi.go.id</translation>
    </message>
    <message>
        <source>&amp;Client user:</source>
        <translation>Pengguna &amp;klien:</translation>
    </message>
    <message>
        <source>Client &amp;password:</source>
        <translation>Kata &amp;sandi klien:</translation>
    </message>
    <message>
        <source>&amp;Files per request:</source>
        <translation>&amp;Berkas per permintaan:</translation>
    </message>
    <message>
        <source>&amp;Wait at most (seconds):</source>
        <translation>&amp;Batas tunggu (detik):</translation>
    </message>
    <message>
        <source>(a password is stored)</source>
        <translation>(kata sandi sudah tersimpan)</translation>
    </message>
    <message>
        <source>Checking the system&apos;s password store…</source>
        <translation>Memeriksa penyimpanan kata sandi sistem…</translation>
    </message>
    <message>
        <source>The agency&apos;s client password is kept in the system&apos;s password store (keyring), never in the settings file.</source>
        <translation>Kata sandi klien instansi disimpan di penyimpanan kata sandi sistem (keyring), tidak pernah di berkas pengaturan.</translation>
    </message>
    <message>
        <source>A client password is stored in the system&apos;s password store. Type a new one to replace it.</source>
        <translation>Kata sandi klien sudah tersimpan di penyimpanan kata sandi sistem. Ketik yang baru untuk menggantinya.</translation>
    </message>
    <message>
        <source>This computer has no password store (keyring): the client password cannot be kept. Ask the administrator.</source>
        <translation>Komputer ini tidak memiliki penyimpanan kata sandi (keyring): kata sandi klien tidak dapat disimpan. Tanyakan kepada administrator.</translation>
    </message>
</context>
<context>
    <name>Exercises</name>
    <message>
        <source>Sign a letter at its marker</source>
        <translation>Menandatangani surat pada tandanya</translation>
    </message>
    <message>
        <source>See a wrong PIN counted</source>
        <translation>Melihat PIN salah dihitung</translation>
    </message>
    <message>
        <source>Be refused by an expired certificate</source>
        <translation>Ditolak karena sertifikat kedaluwarsa</translation>
    </message>
    <message>
        <source>Be refused by a revoked certificate</source>
        <translation>Ditolak karena sertifikat dicabut</translation>
    </message>
    <message>
        <source>Sign ten letters at once</source>
        <translation>Menandatangani sepuluh surat sekaligus</translation>
    </message>
    <message>
        <source>Verify a valid letter</source>
        <translation>Memeriksa surat yang sah</translation>
    </message>
    <message>
        <source>Recognise a letter changed after signing</source>
        <translation>Mengenali surat yang diubah setelah ditandatangani</translation>
    </message>
    <message>
        <source>Spot a comment added after signing</source>
        <translation>Menemukan komentar yang ditambahkan setelah ditandatangani</translation>
    </message>
    <message>
        <source>Recognise an untrusted signer</source>
        <translation>Mengenali penanda tangan yang tidak dipercaya</translation>
    </message>
    <message>
        <source>Find the change with the compare view</source>
        <translation>Menemukan perubahan dengan tampilan perbandingan</translation>
    </message>
    <message>
        <source>Open “01-surat-untuk-ditandatangani.pdf” from the exercise folder, sign it with the identity “Budi Santoso” and put the stamp on the # mark above the name. Save the signed copy in the exercise folder (the suggested name is fine).</source>
        <translation>Buka “01-surat-untuk-ditandatangani.pdf” dari folder latihan, tandatangani dengan identitas “Budi Santoso”, dan letakkan stempel pada tanda # di atas nama. Simpan salinan bertanda tangan di folder latihan (nama yang disarankan sudah tepat).</translation>
    </message>
    <message>
        <source>Start signing the same letter and type a wrong PIN once, on purpose. Read the message: it tells how many tries are left before the token locks. Then sign with the right PIN or cancel. Never try this with a real token.</source>
        <translation>Mulailah menandatangani surat yang sama dan ketik PIN yang salah satu kali, dengan sengaja. Baca pesannya: pesan itu menyebutkan sisa percobaan sebelum token terkunci. Lalu tandatangani dengan PIN yang benar atau batalkan. Jangan pernah mencoba ini dengan token sungguhan.</translation>
    </message>
    <message>
        <source>Try to sign the letter with the identity “Agus Kedaluwarsa”. Desktop Signer refuses because the certificate has expired. Read the reason it gives.</source>
        <translation>Cobalah menandatangani surat dengan identitas “Agus Kedaluwarsa”. Desktop Signer menolak karena sertifikatnya sudah kedaluwarsa. Baca alasan yang diberikan.</translation>
    </message>
    <message>
        <source>Try to sign the letter with the identity “Rina Dicabut”. Desktop Signer asks the training OCSP service and refuses: the certificate list shows it was revoked and it cannot be chosen. Read the date and the reason it gives.</source>
        <translation>Cobalah menandatangani surat dengan identitas “Rina Dicabut”. Desktop Signer menanyakan layanan OCSP latihan lalu menolak: daftar sertifikat menunjukkan sertifikat itu telah dicabut dan tidak dapat dipilih. Bacalah tanggal dan alasan yang disebutkan.</translation>
    </message>
    <message>
        <source>Sign all ten letters of the folder “batch” in one go, with one PIN entry. Keep the signed copies in that folder.</source>
        <translation>Tandatangani kesepuluh surat di folder “batch” sekaligus, dengan satu kali memasukkan PIN. Simpan salinan bertanda tangan di folder itu.</translation>
    </message>
    <message>
        <source>Open “periksa-1-sah.pdf” and read the verification: who signed, whether the document is unchanged since signing, whether it carries a time stamp.</source>
        <translation>Buka “periksa-1-sah.pdf” dan baca hasil verifikasinya: siapa yang menandatangani, apakah dokumen tidak berubah sejak ditandatangani, apakah dokumen memuat stempel waktu.</translation>
    </message>
    <message>
        <source>Open “periksa-2-diubah.pdf”. The verification says the signature is not valid: the document was changed after it was signed.</source>
        <translation>Buka “periksa-2-diubah.pdf”. Hasil verifikasi menyatakan tanda tangan tidak sah: dokumen diubah setelah ditandatangani.</translation>
    </message>
    <message>
        <source>Open “periksa-3-anotasi.pdf”. The signed text itself is intact, but the verification says the signature is not valid: a comment (annotation) added after signing covers signed content. Find what the comment hides.</source>
        <translation>Buka “periksa-3-anotasi.pdf”. Teks yang ditandatangani sendiri utuh, tetapi hasil verifikasi menyatakan tanda tangan tidak sah: sebuah komentar (anotasi) yang ditambahkan setelah penandatanganan menutupi isi yang ditandatangani. Temukan apa yang ditutupi komentar itu.</translation>
    </message>
    <message>
        <source>Open “periksa-4-root-asing.pdf”. The verification says the signature cannot be confirmed: the certificate comes from an authority that is not trusted.</source>
        <translation>Buka “periksa-4-root-asing.pdf”. Hasil verifikasi menyatakan tanda tangan tidak dapat dipastikan: sertifikatnya berasal dari penerbit yang tidak dipercaya.</translation>
    </message>
    <message>
        <source>Open “periksa-2-diubah.pdf” and open the compare view (the signed version beside the current one). Find the figure that was changed.</source>
        <translation>Buka “periksa-2-diubah.pdf” lalu buka tampilan perbandingan (versi yang ditandatangani di samping versi sekarang). Temukan angka yang diubah.</translation>
    </message>
    <message>
        <source>Checked from the signing journal and the signed files in the exercise folder.</source>
        <translation>Diperiksa dari jurnal penandatanganan dan berkas bertanda tangan di folder latihan.</translation>
    </message>
    <message>
        <source>Checked from the signing journal and the training activity log.</source>
        <translation>Diperiksa dari jurnal penandatanganan dan catatan aktivitas latihan.</translation>
    </message>
    <message>
        <source>Checked from the training activity log (what the verification showed).</source>
        <translation>Diperiksa dari catatan aktivitas latihan (hasil yang ditampilkan verifikasi).</translation>
    </message>
    <message>
        <source>Creating the training tokens…</source>
        <translation>Membuat token latihan…</translation>
    </message>
    <message>
        <source>Making keys…</source>
        <translation>Membuat kunci…</translation>
    </message>
    <message>
        <source>Issuing the training certificates…</source>
        <translation>Menerbitkan sertifikat latihan…</translation>
    </message>
    <message>
        <source>Putting the identities on the tokens…</source>
        <translation>Memasang identitas pada token…</translation>
    </message>
    <message>
        <source>Writing the sample letters…</source>
        <translation>Menulis surat contoh…</translation>
    </message>
    <message>
        <source>Preparing the exercise files…</source>
        <translation>Menyiapkan berkas latihan soal…</translation>
    </message>
    <message>
        <source>good</source>
        <translation>baik</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>kedaluwarsa</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>dicabut</translation>
    </message>
    <message>
        <source>not yet valid</source>
        <translation>belum berlaku</translation>
    </message>
    <message>
        <source>not for signing</source>
        <translation>bukan untuk tanda tangan</translation>
    </message>
    <message>
        <source>untrusted root</source>
        <translation>root tidak dipercaya</translation>
    </message>
    <message>
        <source>expires soon</source>
        <translation>segera berakhir</translation>
    </message>
    <message>
        <source>the verification showed: valid</source>
        <translation>hasil verifikasi yang terlihat: sah</translation>
    </message>
    <message>
        <source>the verification showed: not valid</source>
        <translation>hasil verifikasi yang terlihat: tidak sah</translation>
    </message>
    <message>
        <source>the verification showed: cannot be confirmed</source>
        <translation>hasil verifikasi yang terlihat: belum dapat dipastikan</translation>
    </message>
    <message>
        <source>the verification showed: not signed</source>
        <translation>hasil verifikasi yang terlihat: tidak bertanda tangan</translation>
    </message>
    <message>
        <source>%1 letters signed</source>
        <translation>%1 surat sudah ditandatangani</translation>
    </message>
</context>
<context>
    <name>ExercisesDialog</name>
    <message>
        <source>Start the exercises again</source>
        <translation>Mulai latihan soal dari awal</translation>
    </message>
    <message>
        <source>Mark every exercise as not done on this computer? Signed files and the journal are kept.</source>
        <translation>Tandai semua latihan soal sebagai belum selesai di komputer ini? Berkas bertanda tangan dan jurnal tetap disimpan.</translation>
    </message>
    <message>
        <source>Exercises</source>
        <translation>Latihan soal</translation>
    </message>
    <message>
        <source>%1 of %2 exercises done</source>
        <translation>%1 dari %2 latihan soal selesai</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Not done yet</source>
        <translation>Belum selesai</translation>
    </message>
    <message>
        <source>&amp;Check now</source>
        <translation>&amp;Periksa sekarang</translation>
    </message>
    <message>
        <source>&amp;Start again…</source>
        <translation>&amp;Mulai dari awal…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>✔ Done</source>
        <translation>✔ Selesai</translation>
    </message>
    <message>
        <source>Not done yet (%1)</source>
        <translation>Belum selesai (%1)</translation>
    </message>
    <message>
        <source>&amp;Open the folder</source>
        <translation>&amp;Buka folder</translation>
    </message>
    <message>
        <source>&amp;Open the file</source>
        <translation>&amp;Buka berkas</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Cari:</translation>
    </message>
    <message>
        <source>Text in the document</source>
        <translation>Teks di dalam dokumen</translation>
    </message>
    <message>
        <source>Text to find</source>
        <translation>Teks yang dicari</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Hasil sebelumnya (Shift+F3)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Hasil sebelumnya</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Hasil berikutnya (F3)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Hasil berikutnya</translation>
    </message>
    <message>
        <source>Close the search bar (Esc)</source>
        <translation>Tutup bilah pencarian (Esc)</translation>
    </message>
    <message>
        <source>Close the search bar</source>
        <translation>Tutup bilah pencarian</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>General</source>
        <translation>Umum</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Bahasa:</translation>
    </message>
    <message>
        <source>As the system (Indonesian where the system is Indonesian)</source>
        <translation>Mengikuti sistem (bahasa Indonesia bila sistem berbahasa Indonesia)</translation>
    </message>
    <message>
        <source>&amp;Offline mode</source>
        <translation>Mode &amp;luring</translation>
    </message>
    <message>
        <source>Never fetch revocation data or timestamps from the internet. Signatures are checked with the data they carry.</source>
        <translation>Jangan pernah mengambil data pencabutan atau stempel waktu dari internet. Tanda tangan diperiksa dengan data yang dibawanya.</translation>
    </message>
    <message>
        <source>&amp;Soft-fail revocation check</source>
        <translation>&amp;Pemeriksaan pencabutan longgar</translation>
    </message>
    <message>
        <source>A signature whose certificate&apos;s revocation status cannot be found out counts as valid with a warning instead of undetermined. Normally off.</source>
        <translation>Tanda tangan yang status pencabutan sertifikatnya tidak dapat diketahui dianggap sah dengan peringatan, bukan belum dapat ditentukan. Biasanya tidak dicentang.</translation>
    </message>
    <message>
        <source>&amp;Training mode (bimbingan teknis)</source>
        <translation>Mode la&amp;tihan (bimbingan teknis)</translation>
    </message>
    <message>
        <source>Sign with training certificates only. Documents signed in training mode are marked “LATIHAN — TIDAK SAH” and are not legally valid.</source>
        <translation>Hanya menandatangani dengan sertifikat latihan. Dokumen yang ditandatangani dalam mode latihan diberi tanda “LATIHAN — TIDAK SAH” dan tidak sah secara hukum.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>The signing journal was damaged. It was kept as %1 and a new journal was started.</source>
        <translation>Jurnal penandatanganan rusak. Jurnal itu disimpan sebagai %1 dan jurnal baru dimulai.</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n percobaan</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 attempts shown</source>
        <translation>%1 dari %2 percobaan ditampilkan</translation>
    </message>
    <message>
        <source>Signing History</source>
        <translation>Riwayat Penandatanganan</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Cari:</translation>
    </message>
    <message>
        <source>Document, signer, reason…</source>
        <translation>Dokumen, penanda tangan, penyebab…</translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation>&amp;Hasil:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Berhasil</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Penanda tangan</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Kunci</translation>
    </message>
    <message>
        <source>Signed file</source>
        <translation>Berkas bertanda tangan</translation>
    </message>
    <message>
        <source>Signing attempts</source>
        <translation>Percobaan penandatanganan</translation>
    </message>
    <message>
        <source>&amp;Open Document</source>
        <translation>&amp;Buka Dokumen</translation>
    </message>
    <message>
        <source>Open the signed document in Desktop Signer</source>
        <translation>Buka dokumen bertanda tangan di Desktop Signer</translation>
    </message>
    <message>
        <source>Open &amp;Folder</source>
        <translation>Buka &amp;Folder</translation>
    </message>
    <message>
        <source>Show the folder of the signed document</source>
        <translation>Tampilkan folder dokumen bertanda tangan</translation>
    </message>
</context>
<context>
    <name>IdentityChooser</name>
    <message>
        <source>Choose the signing certificate</source>
        <translation>Pilih sertifikat penanda tangan</translation>
    </message>
    <message>
        <source>Certificates on your tokens and certificate files. Plug in the token now if it is not listed: the list updates by itself.</source>
        <translation>Sertifikat pada token dan berkas sertifikat Anda. Colokkan token sekarang jika belum tercantum: daftar ini diperbarui sendiri.</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Sertifikat</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Signing certificates</source>
        <translation>Sertifikat penanda tangan</translation>
    </message>
    <message>
        <source>Certificate details</source>
        <translation>Rincian sertifikat</translation>
    </message>
    <message>
        <source>&amp;What was tried:</source>
        <translation>&amp;Yang sudah dicoba:</translation>
    </message>
    <message>
        <source>Token modules and files that were tried</source>
        <translation>Modul token dan berkas yang sudah dicoba</translation>
    </message>
    <message>
        <source>Certificate &amp;file (.p12)…</source>
        <translation>&amp;Berkas sertifikat (.p12)…</translation>
    </message>
    <message>
        <source>&amp;Test token</source>
        <translation>&amp;Uji token</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Muat ulang</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Pilih</translation>
    </message>
    <message>
        <source>Looking for tokens and certificates…</source>
        <translation>Mencari token dan sertifikat…</translation>
    </message>
    <message>
        <source>Token %1</source>
        <translation>Token %1</translation>
    </message>
    <message>
        <source>Certificate files</source>
        <translation>Berkas sertifikat</translation>
    </message>
    <message>
        <source>BSrE eSign (NIK + passphrase)</source>
        <translation>BSrE eSign (NIK + passphrase)</translation>
    </message>
    <message>
        <source>No certificate found. Plug in the token, or choose a certificate file. What was tried is listed below.</source>
        <translation>Tidak ada sertifikat. Colokkan token, atau pilih berkas sertifikat. Yang sudah dicoba tercantum di bawah.</translation>
    </message>
    <message>
        <source>%1 certificates found, %2 can sign.</source>
        <translation>%1 sertifikat ditemukan, %2 dapat menandatangani.</translation>
    </message>
    <message>
        <source>Checking revocation status…</source>
        <translation>Memeriksa status pencabutan…</translation>
    </message>
    <message>
        <source>ISSUE: can sign</source>
        <translation>ISSUE: dapat menandatangani</translation>
    </message>
    <message>
        <source>details after the passphrase</source>
        <translation>rincian setelah kata sandi</translation>
    </message>
    <message>
        <source>training</source>
        <translation>latihan</translation>
    </message>
    <message>
        <source>can sign</source>
        <translation>dapat menandatangani</translation>
    </message>
    <message>
        <source>looked for %1</source>
        <translation>dicari: %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisasi</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>Nomor identitas</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Penerbit</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Berlaku</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 s.d. %2</translation>
    </message>
    <message>
        <source>Key usage</source>
        <translation>Penggunaan kunci</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Kunci</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Nomor seri</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>Disimpan di</translation>
    </message>
    <message>
        <source>Expires in %1 days: renew it with your registration officer.</source>
        <translation>Berakhir dalam %1 hari: perbarui melalui petugas pendaftaran (RA) Anda.</translation>
    </message>
    <message>
        <source>BSrE says the certificate is issued (ISSUE). The passphrase is asked for when you sign and is never stored.</source>
        <translation>Menurut BSrE sertifikat sudah terbit (ISSUE). Passphrase ditanyakan saat Anda menandatangani dan tidak pernah disimpan.</translation>
    </message>
    <message>
        <source>The file&apos;s details are shown after its passphrase is entered.</source>
        <translation>Rincian berkas ditampilkan setelah kata sandinya dimasukkan.</translation>
    </message>
    <message>
        <source>Checking with the issuer whether the certificate was revoked…</source>
        <translation>Memeriksa ke penerbit apakah sertifikat telah dicabut…</translation>
    </message>
    <message>
        <source>Not revoked: the issuer&apos;s revocation service (OCSP/CRL) says the certificate is in force.</source>
        <translation>Tidak dicabut: layanan pencabutan penerbit (OCSP/CRL) menyatakan sertifikat masih berlaku.</translation>
    </message>
    <message>
        <source>Whether the certificate was revoked could not be checked now (offline, or the issuer&apos;s service does not answer). You can still sign; level B-LT checks it again.</source>
        <translation>Status pencabutan sertifikat tidak dapat diperiksa sekarang (luring, atau layanan penerbit tidak menjawab). Anda tetap dapat menandatangani; tingkat B-LT memeriksanya lagi.</translation>
    </message>
    <message>
        <source>Choose a certificate file</source>
        <translation>Pilih berkas sertifikat</translation>
    </message>
    <message>
        <source>Certificate files (*.p12 *.pfx);;All files (*)</source>
        <translation>Berkas sertifikat (*.p12 *.pfx);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Testing the token…</source>
        <translation>Menguji token…</translation>
    </message>
    <message>
        <source>Token test passed.</source>
        <translation>Uji token berhasil.</translation>
    </message>
    <message>
        <source>Token test failed.</source>
        <translation>Uji token gagal.</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>Desktop Signer cannot open its window: this computer has no display (DISPLAY and WAYLAND_DISPLAY are not set).
- To make a picture of the window without a display:
    QT_QPA_PLATFORM=offscreen desktop-signer --screenshot window.png letter.pdf
- To work from the command line: desktop-signer --help
  (for example: desktop-signer training init, desktop-signer training info)</source>
        <translation>Desktop Signer tidak dapat membuka jendelanya: komputer ini tidak memiliki layar (DISPLAY dan WAYLAND_DISPLAY belum diatur).
- Untuk membuat gambar jendela tanpa layar:
    QT_QPA_PLATFORM=offscreen desktop-signer --screenshot jendela.png surat.pdf
- Untuk bekerja dari baris perintah: desktop-signer --help
  (misalnya: desktop-signer training init, desktop-signer training info)</translation>
    </message>
    <message>
        <source>Desktop Signer cannot start its window: %1. Install another version of PySide6, for example: .venv/bin/pip install &quot;pyside6-essentials!=6.12.0&quot;</source>
        <translation>Desktop Signer tidak dapat memulai jendelanya: %1. Pasang versi PySide6 yang lain, misalnya: .venv/bin/pip install &quot;pyside6-essentials!=6.12.0&quot;</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Navigasi</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Alat</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Bant&amp;uan</translation>
    </message>
    <message>
        <source>Open R&amp;ecent</source>
        <translation>Buka &amp;Terakhir</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Buka…</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Muat Ulang</translation>
    </message>
    <message>
        <source>&amp;Close Document</source>
        <translation>Tutup &amp;Dokumen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>Clear &amp;List</source>
        <translation>&amp;Kosongkan Daftar</translation>
    </message>
    <message>
        <source>F&amp;ind…</source>
        <translation>&amp;Cari…</translation>
    </message>
    <message>
        <source>Find Ne&amp;xt</source>
        <translation>Cari Berik&amp;utnya</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>Cari Sebelu&amp;mnya</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Perbesar</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Per&amp;kecil</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Ukuran Asli</translation>
    </message>
    <message>
        <source>Fit &amp;Page</source>
        <translation>Pas &amp;Halaman</translation>
    </message>
    <message>
        <source>Fit &amp;Width</source>
        <translation>Pas &amp;Lebar</translation>
    </message>
    <message>
        <source>&amp;Thumbnails</source>
        <translation>&amp;Gambar Mini</translation>
    </message>
    <message>
        <source>&amp;First Page</source>
        <translation>Halaman &amp;Pertama</translation>
    </message>
    <message>
        <source>&amp;Previous Page</source>
        <translation>Halaman &amp;Sebelumnya</translation>
    </message>
    <message>
        <source>&amp;Next Page</source>
        <translation>Halaman &amp;Berikutnya</translation>
    </message>
    <message>
        <source>&amp;Last Page</source>
        <translation>Halaman Te&amp;rakhir</translation>
    </message>
    <message>
        <source>&amp;Go to Page…</source>
        <translation>&amp;Ke Halaman…</translation>
    </message>
    <message>
        <source>Next &amp;Document</source>
        <translation>&amp;Dokumen Berikutnya</translation>
    </message>
    <message>
        <source>Previous D&amp;ocument</source>
        <translation>D&amp;okumen Sebelumnya</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Pengaturan…</translation>
    </message>
    <message>
        <source>&amp;About Desktop Signer</source>
        <translation>&amp;Tentang Desktop Signer</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Bilah alat</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Nomor halaman</translation>
    </message>
    <message>
        <source>Go to page (Ctrl+G)</source>
        <translation>Ke halaman (Ctrl+G)</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Perbesaran</translation>
    </message>
    <message>
        <source>BSrE logo</source>
        <translation>Logo BSrE</translation>
    </message>
    <message>
        <source>Electronic certificates from Balai Sertifikasi Elektronik (BSrE), BSSN</source>
        <translation>Sertifikat elektronik dari Balai Sertifikasi Elektronik (BSrE), BSSN</translation>
    </message>
    <message>
        <source>Open documents</source>
        <translation>Dokumen yang terbuka</translation>
    </message>
    <message>
        <source>Open PDF documents</source>
        <translation>Buka dokumen PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf *.PDF);;All files (*)</source>
        <translation>Dokumen PDF (*.pdf *.PDF);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Close %1</source>
        <translation>Tutup %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Pas lebar</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Pas halaman</translation>
    </message>
    <message>
        <source>TRAINING</source>
        <translation>LATIHAN</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>dari %1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Halaman %1 dari %2</translation>
    </message>
    <message>
        <source>Zoom %1</source>
        <translation>Perbesaran %1</translation>
    </message>
    <message>
        <source>Training mode: documents signed now carry the mark “LATIHAN — TIDAK SAH” and are not legally valid.</source>
        <translation>Mode latihan: dokumen yang ditandatangani sekarang diberi tanda “LATIHAN — TIDAK SAH” dan tidak sah secara hukum.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Passphrase</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Token PIN</source>
        <translation>PIN token</translation>
    </message>
    <message>
        <source>Enter your BSrE passphrase for %1 (%2). It is never stored.</source>
        <translation>Masukkan passphrase BSrE Anda untuk %1 (%2). Passphrase tidak pernah disimpan.</translation>
    </message>
    <message>
        <source>Enter the passphrase of the certificate file “%1”.</source>
        <translation>Masukkan kata sandi berkas sertifikat “%1”.</translation>
    </message>
    <message>
        <source>Type the PIN on the keypad of the reader for the token “%1”, then press Enter there.</source>
        <translation>Ketik PIN pada papan tombol pembaca untuk token “%1”, lalu tekan Enter di sana.</translation>
    </message>
    <message>
        <source>Enter the PIN of the token “%1” to sign as %2.</source>
        <translation>Masukkan PIN token “%1” untuk menandatangani sebagai %2.</translation>
    </message>
    <message>
        <source>One passphrase signs all %1 files.</source>
        <translation>Satu passphrase menandatangani semua %1 berkas.</translation>
    </message>
    <message>
        <source>One PIN signs all %1 files.</source>
        <translation>Satu PIN untuk semua %1 berkas.</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Kata sandi:</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <source>%1 to %2 characters</source>
        <translation>%1 sampai %2 karakter</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>paling sedikit %1 karakter</translation>
    </message>
    <message>
        <source>Caps Lock is on.</source>
        <translation>Caps Lock menyala.</translation>
    </message>
    <message>
        <source>I understand: a wrong PIN now locks the token.</source>
        <translation>Saya mengerti: PIN yang salah sekarang mengunci token.</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>&amp;Tanda tangani</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>BeSign code (TOTP)</source>
        <translation>Kode BeSign (TOTP)</translation>
    </message>
    <message>
        <source>BSrE sent a one-time code for %1 file(s) to the BeSign app on your phone. Enter the code shown there.</source>
        <translation>BSrE mengirim kode sekali pakai untuk %1 berkas ke aplikasi BeSign di ponsel Anda. Masukkan kode yang tampil di sana.</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Kode:</translation>
    </message>
    <message>
        <source>BeSign code</source>
        <translation>Kode BeSign</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>The PIN of this token is locked after too many wrong PINs; Desktop Signer will not try it. Unblock it with the token&apos;s PUK/SO PIN in the token vendor&apos;s tool, or ask your agency&apos;s registration officer (RA) to unblock it.</source>
        <translation>PIN token ini terkunci karena terlalu sering salah; Desktop Signer tidak akan mencobanya. Buka blokirnya dengan PUK/SO PIN token di aplikasi vendor token, atau mintalah petugas pendaftaran (RA) instansi Anda membukanya.</translation>
    </message>
    <message>
        <source>The PIN and the PUK/SO PIN of this token are locked. Only the issuer can help: ask your registration officer (RA) for a new certificate.</source>
        <translation>PIN dan PUK/SO PIN token ini terkunci. Hanya penerbit yang dapat membantu: mintalah sertifikat baru kepada petugas pendaftaran (RA).</translation>
    </message>
    <message>
        <source>The PIN was not correct.</source>
        <translation>PIN tidak benar.</translation>
    </message>
    <message>
        <source>Only one attempt is left: if this PIN is wrong too, the token is locked.</source>
        <translation>Tinggal satu kali percobaan: jika PIN ini juga salah, token terkunci.</translation>
    </message>
    <message>
        <source>A wrong PIN was entered before: the token counts wrong PINs and locks itself after a few.</source>
        <translation>Sebelumnya PIN yang salah telah dimasukkan: token menghitung PIN yang salah dan mengunci diri setelah beberapa kali.</translation>
    </message>
    <message>
        <source>This reader has its own keypad: the PIN is typed there, not on the computer.</source>
        <translation>Pembaca ini memiliki papan tombol sendiri: PIN diketik di sana, bukan di komputer.</translation>
    </message>
</context>
<context>
    <name>PlacementSession</name>
    <message>
        <source>Approved</source>
        <translation>Disetujui</translation>
    </message>
    <message>
        <source>The certificate expires in %1 days. Ask your registration officer for a new one in time.</source>
        <translation>Sertifikat berakhir dalam %1 hari. Mintalah yang baru kepada petugas pendaftaran (RA) tepat waktu.</translation>
    </message>
    <message>
        <source>Training certificate: what you sign now is marked “LATIHAN — TIDAK SAH” and is not legally valid.</source>
        <translation>Sertifikat latihan: yang Anda tandatangani sekarang diberi tanda “LATIHAN — TIDAK SAH” dan tidak sah secara hukum.</translation>
    </message>
    <message>
        <source>This letter has no marker “#”; the stamp stays where it is.</source>
        <translation>Surat ini tidak memiliki penanda “#”; stempel tetap di tempatnya.</translation>
    </message>
    <message>
        <source>The letter has the marker “#”: the stamp is placed there. Drag it to change.</source>
        <translation>Surat ini memiliki penanda “#”: stempel diletakkan di sana. Seret untuk mengubahnya.</translation>
    </message>
    <message>
        <source>Page %1, %2 × %3 pt</source>
        <translation>Halaman %1, %2 × %3 pt</translation>
    </message>
    <message>
        <source>Stamp position: %1</source>
        <translation>Letak stempel: %1</translation>
    </message>
    <message>
        <source>The box is too small for the stamp&apos;s text. Make it larger (drag its corner, or Shift+arrow keys).</source>
        <translation>Kotak terlalu kecil untuk teks stempel. Perbesar (seret sudutnya, atau Shift+tombol panah).</translation>
    </message>
    <message>
        <source>Signing “%1”…</source>
        <translation>Menandatangani “%1”…</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>Penandatanganan</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Choose a logo</source>
        <translation>Pilih logo</translation>
    </message>
    <message>
        <source>Images (*.png *.svg *.jpg *.jpeg)</source>
        <translation>Gambar (*.png *.svg *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Signer profile</source>
        <translation>Profil penanda tangan</translation>
    </message>
    <message>
        <source>&amp;Name on the signature:</source>
        <translation>&amp;Nama pada tanda tangan:</translation>
    </message>
    <message>
        <source>(as in the certificate)</source>
        <translation>(sesuai sertifikat)</translation>
    </message>
    <message>
        <source>&amp;Position (jabatan):</source>
        <translation>&amp;Jabatan:</translation>
    </message>
    <message>
        <source>N&amp;IP:</source>
        <translation>N&amp;IP:</translation>
    </message>
    <message>
        <source>(from the certificate when it has one)</source>
        <translation>(dari sertifikat bila tercantum)</translation>
    </message>
    <message>
        <source>Pl&amp;ace:</source>
        <translation>&amp;Tempat:</translation>
    </message>
    <message>
        <source>&amp;BSrE logo:</source>
        <translation>Logo &amp;BSrE:</translation>
    </message>
    <message>
        <source>(the bundled logo)</source>
        <translation>(logo bawaan)</translation>
    </message>
    <message>
        <source>A&amp;gency logo:</source>
        <translation>Logo &amp;instansi:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Choose a logo file</source>
        <translation>Pilih berkas logo</translation>
    </message>
    <message>
        <source>&amp;QR code address:</source>
        <translation>Alamat kode &amp;QR:</translation>
    </message>
    <message>
        <source>The verification address put in the QR code of the signature. Leave empty for no QR code.</source>
        <translation>Alamat verifikasi yang dimasukkan ke kode QR pada tanda tangan. Kosongkan bila tanpa kode QR.</translation>
    </message>
    <message>
        <source>N&amp;otice text:</source>
        <translation>Teks &amp;keterangan:</translation>
    </message>
    <message>
        <source>Add a &amp;footer note (only to documents without signatures):</source>
        <translation>Tambahkan &amp;catatan kaki (hanya pada dokumen yang belum bertanda tangan):</translation>
    </message>
    <message>
        <source>on the last page</source>
        <translation>di halaman terakhir</translation>
    </message>
    <message>
        <source>on every page</source>
        <translation>di setiap halaman</translation>
    </message>
    <message>
        <source>Pages with the footer note</source>
        <translation>Halaman yang diberi catatan kaki</translation>
    </message>
</context>
<context>
    <name>RemoteFields</name>
    <message>
        <source>BSrE eSign:</source>
        <translation>BSrE eSign:</translation>
    </message>
    <message>
        <source>NIK or email</source>
        <translation>NIK atau email</translation>
    </message>
    <message>
        <source>3273… or name@agency.go.id</source>
        <translation>3273… atau nama@instansi.go.id</translation>
    </message>
    <message>
        <source>NIK or email address for BSrE eSign</source>
        <translation>NIK atau alamat email untuk BSrE eSign</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>http://esc.agency.go.id</source>
        <translation>http://esc.instansi.go.id</translation>
    </message>
    <message>
        <source>Address of the eSign Client Service</source>
        <translation>Alamat eSign Client Service</translation>
    </message>
    <message>
        <source>Check status</source>
        <translation>Periksa status</translation>
    </message>
</context>
<context>
    <name>ServicesController</name>
    <message>
        <source>Training services: stopped</source>
        <translation>Layanan latihan: berhenti</translation>
    </message>
    <message>
        <source>Training services: starting…</source>
        <translation>Layanan latihan: sedang dijalankan…</translation>
    </message>
    <message>
        <source>Training services: running (port %1)</source>
        <translation>Layanan latihan: berjalan (port %1)</translation>
    </message>
    <message>
        <source>Training services: running in another program (port %1)</source>
        <translation>Layanan latihan: berjalan di program lain (port %1)</translation>
    </message>
    <message>
        <source>Training services: port %1 is taken</source>
        <translation>Layanan latihan: port %1 sudah dipakai</translation>
    </message>
    <message>
        <source>Training services: could not start</source>
        <translation>Layanan latihan: gagal dijalankan</translation>
    </message>
    <message>
        <source>Time stamps: %1
OCSP: %2
CRL: %3</source>
        <translation>Stempel waktu: %1
OCSP: %2
CRL: %3</translation>
    </message>
    <message>
        <source>BSrE eSign (simulator): %1</source>
        <translation>BSrE eSign (simulator): %1</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Set by your administrator; it cannot be changed here.</source>
        <translation>Diatur oleh administrator Anda; tidak dapat diubah di sini.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Halaman pengaturan</translation>
    </message>
    <message>
        <source>Some settings are managed by your administrator. They are shown greyed out and cannot be changed here.</source>
        <translation>Sebagian pengaturan dikelola oleh administrator Anda. Pengaturan itu ditampilkan kelabu dan tidak dapat diubah di sini.</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Prepare a training class</source>
        <translation>Siapkan kelas latihan</translation>
    </message>
    <message>
        <source>This builds everything a class needs to practise without real certificates: a training certification authority, two SoftHSM training tokens with trainee identities (some deliberately expired, revoked or untrusted), PKCS#12 files, sample letters and the exercise files. Documents signed with them carry the mark “LATIHAN — TIDAK SAH” and are never trusted outside training mode.</source>
        <translation>Langkah ini membuat semua yang dibutuhkan kelas untuk berlatih tanpa sertifikat sungguhan: penyelenggara sertifikasi latihan, dua token latihan SoftHSM berisi identitas peserta (beberapa sengaja kedaluwarsa, dicabut, atau tidak dipercaya), berkas PKCS#12, surat contoh, dan berkas latihan soal. Dokumen yang ditandatangani dengan identitas ini memuat tanda “LATIHAN — TIDAK SAH” dan tidak pernah dipercaya di luar mode latihan.</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Folder: %1</translation>
    </message>
    <message>
        <source>A training class already exists in this folder. Building a new one replaces it: new certificates, a new PIN, and the trainees&apos; signed files there are deleted.</source>
        <translation>Di folder ini sudah ada kelas latihan. Membuat yang baru akan menggantinya: sertifikat baru, PIN baru, dan berkas bertanda tangan milik peserta di folder itu dihapus.</translation>
    </message>
    <message>
        <source>Building the training class…</source>
        <translation>Menyiapkan kelas latihan…</translation>
    </message>
    <message>
        <source>The training class is ready. Give the trainees the PIN below; it opens both training tokens and every PKCS#12 file.</source>
        <translation>Kelas latihan sudah siap. Berikan PIN di bawah kepada peserta; PIN ini membuka kedua token latihan dan semua berkas PKCS#12.</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <source>Tokens:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Berkas:</translation>
    </message>
    <message>
        <source>BSrE eSign:</source>
        <translation>BSrE eSign:</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identitas</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>&amp;Open the exercise folder</source>
        <translation>&amp;Buka folder latihan soal</translation>
    </message>
    <message>
        <source>&amp;Build a new class</source>
        <translation>&amp;Buat kelas baru</translation>
    </message>
    <message>
        <source>&amp;Build the class</source>
        <translation>&amp;Buat kelas</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>&amp;Replace the class</source>
        <translation>&amp;Ganti kelas</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Langkah %1 dari %2: %3</translation>
    </message>
    <message>
        <source>Exercises: %1
Sample letters: %2
PKCS#12 files (passphrase = PIN): %3</source>
        <translation>Latihan soal: %1
Surat contoh: %2
Berkas PKCS#12 (frasa sandi = PIN): %3</translation>
    </message>
    <message>
        <source>Service %1 (used in training mode when no other service is set), passphrase %2; each identity&apos;s NIK is in the table</source>
        <translation>Layanan %1 (dipakai dalam mode latihan bila tidak ada layanan lain yang diatur), passphrase %2; NIK tiap identitas ada di tabel</translation>
    </message>
</context>
<context>
    <name>SignaturesPanel</name>
    <message>
        <source>Signatures (%1)</source>
        <translation>Tanda tangan (%1)</translation>
    </message>
    <message>
        <source>Signatures in revision order</source>
        <translation>Tanda tangan menurut urutan revisi</translation>
    </message>
    <message>
        <source>Signature details</source>
        <translation>Rincian tanda tangan</translation>
    </message>
</context>
<context>
    <name>Signing</name>
    <message>
        <source>The certificate has expired.</source>
        <translation>Sertifikat sudah kedaluwarsa.</translation>
    </message>
    <message>
        <source>The certificate is not valid yet.</source>
        <translation>Sertifikat belum berlaku.</translation>
    </message>
    <message>
        <source>The certificate is not meant for signatures (key usage).</source>
        <translation>Sertifikat tidak diperuntukkan bagi tanda tangan (penggunaan kunci).</translation>
    </message>
    <message>
        <source>The token has no private key for this certificate.</source>
        <translation>Token tidak memiliki kunci privat untuk sertifikat ini.</translation>
    </message>
    <message>
        <source>The token&apos;s PIN is locked.</source>
        <translation>PIN token terkunci.</translation>
    </message>
    <message>
        <source>The certificate was revoked.</source>
        <translation>Sertifikat telah dicabut.</translation>
    </message>
    <message>
        <source>The token is not initialised.</source>
        <translation>Token belum diinisialisasi.</translation>
    </message>
    <message>
        <source>The token has no user PIN yet.</source>
        <translation>Token belum memiliki PIN pengguna.</translation>
    </message>
    <message>
        <source>The file no longer exists.</source>
        <translation>Berkas sudah tidak ada.</translation>
    </message>
    <message>
        <source>The certificate expires soon.</source>
        <translation>Sertifikat segera berakhir.</translation>
    </message>
    <message>
        <source>The certificate lacks the non-repudiation usage.</source>
        <translation>Sertifikat tidak memiliki penggunaan nirsangkal (non-repudiation).</translation>
    </message>
    <message>
        <source>A wrong PIN was entered before.</source>
        <translation>Sebelumnya PIN yang salah telah dimasukkan.</translation>
    </message>
    <message>
        <source>One PIN attempt is left.</source>
        <translation>Tinggal satu kali percobaan PIN.</translation>
    </message>
    <message>
        <source>The token asks for a new PIN.</source>
        <translation>Token meminta PIN baru.</translation>
    </message>
    <message>
        <source>Training certificate: signatures are not legally valid.</source>
        <translation>Sertifikat latihan: tanda tangan tidak sah secara hukum.</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>kedaluwarsa</translation>
    </message>
    <message>
        <source>not valid yet</source>
        <translation>belum berlaku</translation>
    </message>
    <message>
        <source>not for signing</source>
        <translation>bukan untuk tanda tangan</translation>
    </message>
    <message>
        <source>no private key</source>
        <translation>tanpa kunci privat</translation>
    </message>
    <message>
        <source>PIN locked</source>
        <translation>PIN terblokir</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>dicabut</translation>
    </message>
    <message>
        <source>token not initialised</source>
        <translation>token belum diinisialisasi</translation>
    </message>
    <message>
        <source>no user PIN</source>
        <translation>belum ada PIN pengguna</translation>
    </message>
    <message>
        <source>file missing</source>
        <translation>berkas tidak ada</translation>
    </message>
    <message>
        <source>expires soon</source>
        <translation>segera berakhir</translation>
    </message>
    <message>
        <source>no non-repudiation</source>
        <translation>tanpa non-repudiation</translation>
    </message>
    <message>
        <source>wrong PIN before</source>
        <translation>pernah salah PIN</translation>
    </message>
    <message>
        <source>one PIN try left</source>
        <translation>tinggal satu percobaan PIN</translation>
    </message>
    <message>
        <source>new PIN needed</source>
        <translation>perlu PIN baru</translation>
    </message>
    <message>
        <source>training</source>
        <translation>latihan</translation>
    </message>
    <message>
        <source>BSrE: expired</source>
        <translation>BSrE: kedaluwarsa</translation>
    </message>
    <message>
        <source>BSrE: being renewed</source>
        <translation>BSrE: sedang diperbarui</translation>
    </message>
    <message>
        <source>BSrE: suspended</source>
        <translation>BSrE: ditangguhkan</translation>
    </message>
    <message>
        <source>BSrE: revoked</source>
        <translation>BSrE: dicabut</translation>
    </message>
    <message>
        <source>BSrE: NIK not registered</source>
        <translation>BSrE: NIK tidak terdaftar</translation>
    </message>
    <message>
        <source>BSrE: no certificate yet</source>
        <translation>BSrE: belum ada sertifikat</translation>
    </message>
    <message>
        <source>BSrE: awaiting verification</source>
        <translation>BSrE: menunggu verifikasi</translation>
    </message>
    <message>
        <source>BSrE: registration not complete</source>
        <translation>BSrE: pendaftaran belum selesai</translation>
    </message>
    <message>
        <source>BSrE: unknown status</source>
        <translation>BSrE: status tidak dikenal</translation>
    </message>
    <message>
        <source>type NIK or email above</source>
        <translation>ketik NIK atau email di atas</translation>
    </message>
    <message>
        <source>issuer revoked</source>
        <translation>penerbit dicabut</translation>
    </message>
    <message>
        <source>revoked on %1</source>
        <translation>dicabut pada %1</translation>
    </message>
    <message>
        <source>the private key was compromised</source>
        <translation>kunci privatnya telah bocor</translation>
    </message>
    <message>
        <source>the certificate authority was compromised</source>
        <translation>penyelenggara sertifikasinya telah dibobol</translation>
    </message>
    <message>
        <source>the holder&apos;s affiliation changed</source>
        <translation>instansi pemiliknya berubah</translation>
    </message>
    <message>
        <source>replaced by a new certificate</source>
        <translation>diganti dengan sertifikat baru</translation>
    </message>
    <message>
        <source>no longer in use</source>
        <translation>tidak digunakan lagi</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>ditangguhkan</translation>
    </message>
    <message>
        <source>the holder&apos;s privilege was withdrawn</source>
        <translation>hak pemiliknya ditarik</translation>
    </message>
    <message>
        <source>the attribute authority was compromised</source>
        <translation>otoritas atributnya telah dibobol</translation>
    </message>
    <message>
        <source>The certificate&apos;s issuing authority was revoked</source>
        <translation>Sertifikat penerbitnya telah dicabut</translation>
    </message>
    <message>
        <source>The certificate was revoked on %1</source>
        <translation>Sertifikat telah dicabut pada %1</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>dimuat</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>baik</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>tidak ditemukan</translation>
    </message>
    <message>
        <source>could not be loaded</source>
        <translation>tidak dapat dimuat</translation>
    </message>
    <message>
        <source>hidden in the settings</source>
        <translation>disembunyikan di pengaturan</translation>
    </message>
    <message>
        <source>could not be read</source>
        <translation>tidak dapat dibaca</translation>
    </message>
    <message>
        <source>no signing certificate</source>
        <translation>tidak ada sertifikat penanda tangan</translation>
    </message>
    <message>
        <source>Unencrypted connection</source>
        <translation>Koneksi tanpa enkripsi</translation>
    </message>
    <message>
        <source>The eSign Client Service at %1 uses plain http://: your passphrase travels unencrypted over the agency network. This warning is shown once.</source>
        <translation>eSign Client Service di %1 memakai http:// tanpa enkripsi: passphrase Anda dikirim tanpa enkripsi lewat jaringan instansi. Peringatan ini hanya ditampilkan sekali.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Lanjutkan</translation>
    </message>
</context>
<context>
    <name>SigningFlow</name>
    <message>
        <source>No time-stamp server is set up, which level %1 needs.</source>
        <translation>Belum ada server cap waktu, padahal tingkat %1 memerlukannya.</translation>
    </message>
    <message>
        <source>The time-stamp server does not answer, which level %1 needs.</source>
        <translation>Server cap waktu tidak menjawab, padahal tingkat %1 memerlukannya.</translation>
    </message>
    <message>
        <source>The certificate&apos;s revocation services (OCSP/CRL) do not answer, which level %1 needs.</source>
        <translation>Layanan status pencabutan sertifikat (OCSP/CRL) tidak menjawab, padahal tingkat %1 memerlukannya.</translation>
    </message>
    <message>
        <source>Services not reachable</source>
        <translation>Layanan tidak dapat dihubungi</translation>
    </message>
    <message>
        <source>Nothing was signed and no PIN was asked for yet. Sign at level %1 instead, or cancel and try again later.</source>
        <translation>Belum ada yang ditandatangani dan PIN belum diminta. Tanda tangani dengan tingkat %1, atau batalkan dan coba lagi nanti.</translation>
    </message>
    <message>
        <source>Sign at %1</source>
        <translation>Tanda tangani dengan %1</translation>
    </message>
</context>
<context>
    <name>SigningHook</name>
    <message>
        <source>&amp;Sign…</source>
        <translation>T&amp;anda Tangani…</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Tanda tangani</translation>
    </message>
    <message>
        <source>Sign this document (Ctrl+Shift+S)</source>
        <translation>Tanda tangani dokumen ini (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Sign Se&amp;veral Files…</source>
        <translation>Tanda Tangani Ba&amp;nyak Berkas…</translation>
    </message>
</context>
<context>
    <name>SigningPage</name>
    <message>
        <source>Signing</source>
        <translation>Penandatanganan</translation>
    </message>
    <message>
        <source>Default signature &amp;level:</source>
        <translation>&amp;Tingkat tanda tangan bawaan:</translation>
    </message>
    <message>
        <source>B-B: the signature only. Its time is the computer&apos;s clock.</source>
        <translation>B-B: tanda tangan saja. Waktunya diambil dari jam komputer.</translation>
    </message>
    <message>
        <source>B-T: with a trusted timestamp from the TSA.</source>
        <translation>B-T: dengan stempel waktu tepercaya dari TSA.</translation>
    </message>
    <message>
        <source>B-LT: with a timestamp and the certificate and revocation data, so it can be checked for years (recommended).</source>
        <translation>B-LT: dengan stempel waktu serta data sertifikat dan pencabutan, sehingga dapat diperiksa hingga bertahun-tahun (disarankan).</translation>
    </message>
    <message>
        <source>B-LTA: as B-LT, plus a document timestamp that protects all of it.</source>
        <translation>B-LTA: seperti B-LT, ditambah stempel waktu dokumen yang melindungi seluruhnya.</translation>
    </message>
    <message>
        <source>Signed file &amp;name:</source>
        <translation>&amp;Nama berkas bertanda tangan:</translation>
    </message>
    <message>
        <source>{stem} is the name of the original file without .pdf</source>
        <translation>{stem} adalah nama berkas asli tanpa .pdf</translation>
    </message>
    <message>
        <source>The name must contain {stem} and end with .pdf</source>
        <translation>Nama harus memuat {stem} dan berakhiran .pdf</translation>
    </message>
    <message>
        <source>Example: surat.pdf → %1</source>
        <translation>Contoh: surat.pdf → %1</translation>
    </message>
    <message>
        <source>&amp;Remember passphrases of certificate files</source>
        <translation>&amp;Ingat frasa sandi berkas sertifikat</translation>
    </message>
    <message>
        <source>The passphrase of a .p12 certificate file is kept in the system&apos;s password store. A token&apos;s PIN is never remembered.</source>
        <translation>Frasa sandi berkas sertifikat .p12 disimpan di penyimpanan kata sandi sistem. PIN token tidak pernah diingat.</translation>
    </message>
</context>
<context>
    <name>SigningPanel</name>
    <message>
        <source>Signer</source>
        <translation>Penanda tangan</translation>
    </message>
    <message>
        <source>Stamp</source>
        <translation>Stempel</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Tanda tangan</translation>
    </message>
    <message>
        <source>C&amp;hange certificate…</source>
        <translation>&amp;Ganti sertifikat…</translation>
    </message>
    <message>
        <source>&amp;Position (jabatan):</source>
        <translation>&amp;Jabatan:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>NI&amp;P:</source>
        <translation>NI&amp;P:</translation>
    </message>
    <message>
        <source>Pl&amp;ace:</source>
        <translation>T&amp;empat:</translation>
    </message>
    <message>
        <source>P&amp;lace stamp:</source>
        <translation>&amp;Letak stempel:</translation>
    </message>
    <message>
        <source>Bottom right</source>
        <translation>Kanan bawah</translation>
    </message>
    <message>
        <source>Bottom left</source>
        <translation>Kiri bawah</translation>
    </message>
    <message>
        <source>Bottom centre</source>
        <translation>Tengah bawah</translation>
    </message>
    <message>
        <source>Top right</source>
        <translation>Kanan atas</translation>
    </message>
    <message>
        <source>Top left</source>
        <translation>Kiri atas</translation>
    </message>
    <message>
        <source>At the &amp;marker “#”</source>
        <translation>Di &amp;penanda “#”</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>T&amp;ingkat:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>Al&amp;asan:</translation>
    </message>
    <message>
        <source>L&amp;ocation:</source>
        <translation>L&amp;okasi:</translation>
    </message>
    <message>
        <source>Add the &amp;footer note</source>
        <translation>Tambahkan &amp;catatan kaki</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>&amp;Tanda tangani</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Sign several &amp;files like this…</source>
        <translation>Tanda tangani &amp;banyak berkas seperti ini…</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>Penandatanganan</translation>
    </message>
    <message>
        <source>Drag the stamp on the page, or use the arrow keys (Shift+arrows: size).</source>
        <translation>Seret stempel di halaman, atau gunakan tombol panah (Shift+panah: ukuran).</translation>
    </message>
</context>
<context>
    <name>TabValidity</name>
    <message>
        <source>The check itself failed. Try again; if it fails again, tell your IT support: %1</source>
        <translation>Pemeriksaan itu sendiri gagal. Coba lagi; bila gagal lagi, beri tahu petugas TI Anda: %1</translation>
    </message>
</context>
<context>
    <name>ThumbnailModel</name>
    <message>
        <source>Page %1</source>
        <translation>Halaman %1</translation>
    </message>
</context>
<context>
    <name>TimestampPage</name>
    <message>
        <source>Timestamp</source>
        <translation>Stempel waktu</translation>
    </message>
    <message>
        <source>TSA &amp;address (URL):</source>
        <translation>&amp;Alamat TSA (URL):</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nama &amp;pengguna:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Kata sandi:</translation>
    </message>
    <message>
        <source>&amp;Wait at most (seconds):</source>
        <translation>&amp;Batas tunggu (detik):</translation>
    </message>
    <message>
        <source>(a password is stored)</source>
        <translation>(kata sandi sudah tersimpan)</translation>
    </message>
    <message>
        <source>Checking the system&apos;s password store…</source>
        <translation>Memeriksa penyimpanan kata sandi sistem…</translation>
    </message>
    <message>
        <source>The password is kept in the system&apos;s password store (keyring), never in the settings file.</source>
        <translation>Kata sandi disimpan di penyimpanan kata sandi sistem (keyring), tidak pernah di berkas pengaturan.</translation>
    </message>
    <message>
        <source>A password is stored in the system&apos;s password store. Type a new one to replace it.</source>
        <translation>Sebuah kata sandi tersimpan di penyimpanan kata sandi sistem. Ketik kata sandi baru untuk menggantinya.</translation>
    </message>
    <message>
        <source>This computer has no password store (keyring): the password cannot be remembered and will be asked when signing.</source>
        <translation>Komputer ini tidak memiliki penyimpanan kata sandi (keyring): kata sandi tidak dapat diingat dan akan ditanyakan saat menandatangani.</translation>
    </message>
</context>
<context>
    <name>TokensPage</name>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>file not found</source>
        <translation>berkas tidak ditemukan</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>tidak terpasang</translation>
    </message>
    <message>
        <source>looked for: %1</source>
        <translation>dicari: %1</translation>
    </message>
    <message>
        <source>known module list</source>
        <translation>daftar modul yang dikenal</translation>
    </message>
    <message>
        <source>registered with p11-kit</source>
        <translation>terdaftar di p11-kit</translation>
    </message>
    <message>
        <source>added by you</source>
        <translation>ditambahkan oleh Anda</translation>
    </message>
    <message>
        <source>set by your administrator</source>
        <translation>diatur oleh administrator Anda</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>baris perintah</translation>
    </message>
    <message>
        <source>Choose the token&apos;s PKCS#11 module</source>
        <translation>Pilih modul PKCS#11 token</translation>
    </message>
    <message>
        <source>PKCS#11 modules (*.so *.so.* *.dll *.dylib);;All files (*)</source>
        <translation>Modul PKCS#11 (*.so *.so.* *.dll *.dylib);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Desktop Signer looks for the software (PKCS#11 module) of common USB tokens by itself. Add a module here if your token is not found; untick a module to stop using it.</source>
        <translation>Desktop Signer mencari sendiri perangkat lunak (modul PKCS#11) token USB yang umum. Tambahkan modul di sini bila token Anda tidak ditemukan; hapus centang modul untuk berhenti menggunakannya.</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>Found through</source>
        <translation>Ditemukan melalui</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Token modules</source>
        <translation>Modul token</translation>
    </message>
    <message>
        <source>&amp;Add module…</source>
        <translation>&amp;Tambah modul…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>Looking for token modules…</source>
        <translation>Mencari modul token…</translation>
    </message>
</context>
<context>
    <name>TrainingFeature</name>
    <message>
        <source>Rebuild the training tokens</source>
        <translation>Buat ulang token latihan</translation>
    </message>
    <message>
        <source>Rebuild the training tokens %1? A token locked by wrong PINs works again; the PIN stays %2. Certificates, letters and exercise progress are kept.</source>
        <translation>Buat ulang token latihan %1? Token yang terkunci karena PIN salah dapat dipakai lagi; PIN tetap %2. Sertifikat, surat, dan kemajuan latihan soal tetap disimpan.</translation>
    </message>
    <message>
        <source>Rebuilding the training tokens…</source>
        <translation>Membuat ulang token latihan…</translation>
    </message>
    <message>
        <source>The training tokens were rebuilt; the PIN is still %1.</source>
        <translation>Token latihan sudah dibuat ulang; PIN tetap %1.</translation>
    </message>
    <message>
        <source>T&amp;raining</source>
        <translation>&amp;Latihan</translation>
    </message>
    <message>
        <source>&amp;Prepare a training class…</source>
        <translation>&amp;Siapkan kelas latihan…</translation>
    </message>
    <message>
        <source>Training &amp;mode</source>
        <translation>&amp;Mode latihan</translation>
    </message>
    <message>
        <source>&amp;Exercises…</source>
        <translation>&amp;Latihan soal…</translation>
    </message>
    <message>
        <source>&amp;Rebuild the training tokens…</source>
        <translation>Atur &amp;ulang latihan…</translation>
    </message>
    <message>
        <source>Restart training ser&amp;vices</source>
        <translation>&amp;Jalankan ulang layanan latihan</translation>
    </message>
    <message>
        <source>Pre&amp;sentation mode</source>
        <translation>Mode &amp;presentasi</translation>
    </message>
</context>
<context>
    <name>TrustPage</name>
    <message>
        <source>Trusted certificates</source>
        <translation>Sertifikat tepercaya</translation>
    </message>
    <message>
        <source>Reading the trusted certificates…</source>
        <translation>Membaca sertifikat tepercaya…</translation>
    </message>
    <message>
        <source>(no trusted certificates yet)</source>
        <translation>(belum ada sertifikat tepercaya)</translation>
    </message>
    <message>
        <source>included</source>
        <translation>bawaan</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>imported by you</source>
        <translation>diimpor oleh Anda</translation>
    </message>
    <message>
        <source>training</source>
        <translation>latihan</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>baris perintah</translation>
    </message>
    <message>
        <source>Import trusted certificates</source>
        <translation>Impor sertifikat tepercaya</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der *.p7b *.p7c);;All files (*)</source>
        <translation>Sertifikat (*.pem *.crt *.cer *.der *.p7b *.p7c);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Only certificates you imported yourself can be removed here.</source>
        <translation>Hanya sertifikat yang Anda impor sendiri yang dapat dihapus di sini.</translation>
    </message>
    <message>
        <source>Stop trusting the selected certificate (it is removed from your list).</source>
        <translation>Berhenti memercayai sertifikat yang dipilih (dihapus dari daftar Anda).</translation>
    </message>
    <message>
        <source>Remove trusted certificate</source>
        <translation>Hapus sertifikat tepercaya</translation>
    </message>
    <message>
        <source>Stop trusting signatures whose certificate chain ends at “{name}”?</source>
        <translation>Berhenti memercayai tanda tangan yang rantai sertifikatnya berujung pada “{name}”?</translation>
    </message>
    <message>
        <source>Fingerprint (SHA-256): {fingerprint}</source>
        <translation>Sidik jari (SHA-256): {fingerprint}</translation>
    </message>
    <message>
        <source>Signatures are trusted when their certificate chain ends at one of these certificates. Compare the fingerprint (SHA-256) with the one BSrE publishes before you import a certificate.</source>
        <translation>Tanda tangan dipercaya bila rantai sertifikatnya berujung pada salah satu sertifikat ini. Bandingkan sidik jari (SHA-256) dengan yang diterbitkan BSrE sebelum mengimpor sertifikat.</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Sertifikat</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Fingerprint (SHA-256)</source>
        <translation>Sidik jari (SHA-256)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Impor…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Hapus</translation>
    </message>
</context>
<context>
    <name>UsageActions</name>
    <message>
        <source>The signing journal was damaged. It was kept as %1 and a new journal was started.</source>
        <translation>Jurnal penandatanganan rusak. Jurnal itu disimpan sebagai %1 dan jurnal baru dimulai.</translation>
    </message>
    <message>
        <source>Signing works; the attempts are not recorded until this is fixed.</source>
        <translation>Penandatanganan tetap berjalan; percobaan tidak tercatat sampai masalah ini diperbaiki.</translation>
    </message>
    <message>
        <source>Signing &amp;History…</source>
        <translation>&amp;Riwayat Penandatanganan…</translation>
    </message>
    <message>
        <source>Every signing attempt of this computer</source>
        <translation>Setiap percobaan penandatanganan di komputer ini</translation>
    </message>
    <message>
        <source>&amp;Usage Report…</source>
        <translation>&amp;Laporan Pemanfaatan…</translation>
    </message>
    <message>
        <source>The yearly certificate usage report for BSrE (PKS Pasal 4 ayat 1 huruf g)</source>
        <translation>Laporan tahunan pemanfaatan sertifikat untuk BSrE (PKS Pasal 4 ayat 1 huruf g)</translation>
    </message>
</context>
<context>
    <name>UsageReportDialog</name>
    <message>
        <source>The agency&apos;s name could not be saved in the settings; it is used for this report only.</source>
        <translation>Nama instansi tidak dapat disimpan di pengaturan; nama itu hanya dipakai untuk laporan ini.</translation>
    </message>
    <message>
        <source>Add other computers&apos; reports</source>
        <translation>Tambahkan laporan dari komputer lain</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.CSV);;All files (*)</source>
        <translation>Berkas CSV (*.csv *.CSV);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Menghitung…</translation>
    </message>
    <message>
        <source>The report could not be made: %1</source>
        <translation>Laporan tidak dapat dibuat: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; documents signed, &lt;b&gt;%2&lt;/b&gt; failed attempts, %3 certificate(s).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; dokumen ditandatangani, &lt;b&gt;%2&lt;/b&gt; percobaan gagal, %3 sertifikat.</translation>
    </message>
    <message>
        <source>Report page %1</source>
        <translation>Halaman laporan %1</translation>
    </message>
    <message>
        <source>The preview could not be shown; the report can still be exported.</source>
        <translation>Pratinjau tidak dapat ditampilkan; laporan tetap dapat diekspor.</translation>
    </message>
    <message>
        <source>Export the report as CSV</source>
        <translation>Ekspor laporan sebagai CSV</translation>
    </message>
    <message>
        <source>Export the report as PDF</source>
        <translation>Ekspor laporan sebagai PDF</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The report was saved as %1.</source>
        <translation>Laporan disimpan sebagai %1.</translation>
    </message>
    <message>
        <source>The report was not saved: %1</source>
        <translation>Laporan tidak tersimpan: %1</translation>
    </message>
    <message>
        <source>Usage Report</source>
        <translation>Laporan Pemanfaatan</translation>
    </message>
    <message>
        <source>A&amp;gency:</source>
        <translation>&amp;Instansi:</translation>
    </message>
    <message>
        <source>Name of the agency, as in the PKS</source>
        <translation>Nama instansi, sesuai PKS</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Tahun:</translation>
    </message>
    <message>
        <source>Report &amp;language:</source>
        <translation>&amp;Bahasa laporan:</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Yang dihitung</translation>
    </message>
    <message>
        <source>This computer&apos;s signing &amp;journal</source>
        <translation>&amp;Jurnal penandatanganan komputer ini</translation>
    </message>
    <message>
        <source>Reports of other computers</source>
        <translation>Laporan dari komputer lain</translation>
    </message>
    <message>
        <source>Reports of other computers (CSV files of the same year, exported there with Export CSV) are added in:</source>
        <translation>Laporan dari komputer lain (berkas CSV tahun yang sama, diekspor di sana dengan Ekspor CSV) ikut dijumlahkan:</translation>
    </message>
    <message>
        <source>CSV reports of the same year exported on other computers; they are added in</source>
        <translation>Laporan CSV tahun yang sama yang diekspor di komputer lain; jumlahnya ditambahkan</translation>
    </message>
    <message>
        <source>&amp;Add CSV…</source>
        <translation>T&amp;ambah CSV…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Ekspor &amp;CSV…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Ekspor &amp;PDF…</translation>
    </message>
    <message>
        <source>Report preview</source>
        <translation>Pratinjau laporan</translation>
    </message>
</context>
<context>
    <name>UsageWords</name>
    <message>
        <source>USB token</source>
        <translation>Token USB</translation>
    </message>
    <message>
        <source>PKCS#12 file</source>
        <translation>Berkas PKCS#12</translation>
    </message>
    <message>
        <source>Remote (BSrE eSign)</source>
        <translation>Jarak jauh (eSign BSrE)</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>PIN salah</translation>
    </message>
    <message>
        <source>PIN locked</source>
        <translation>PIN terblokir</translation>
    </message>
    <message>
        <source>Final PIN try not confirmed</source>
        <translation>Percobaan PIN terakhir tidak dikonfirmasi</translation>
    </message>
    <message>
        <source>PIN not accepted</source>
        <translation>PIN tidak diterima</translation>
    </message>
    <message>
        <source>PIN must be changed</source>
        <translation>PIN harus diganti</translation>
    </message>
    <message>
        <source>Token removed</source>
        <translation>Token dicabut</translation>
    </message>
    <message>
        <source>No token found</source>
        <translation>Token tidak ditemukan</translation>
    </message>
    <message>
        <source>Token failure</source>
        <translation>Kesalahan token</translation>
    </message>
    <message>
        <source>Wrong passphrase</source>
        <translation>Frasa sandi salah</translation>
    </message>
    <message>
        <source>Key file unreadable</source>
        <translation>Berkas kunci tidak terbaca</translation>
    </message>
    <message>
        <source>Time-stamp service unreachable</source>
        <translation>Layanan stempel waktu tidak terjangkau</translation>
    </message>
    <message>
        <source>Time-stamp service refused the login</source>
        <translation>Layanan stempel waktu menolak login</translation>
    </message>
    <message>
        <source>Time-stamp service failed</source>
        <translation>Layanan stempel waktu gagal</translation>
    </message>
    <message>
        <source>Revocation status unavailable</source>
        <translation>Status pencabutan tidak tersedia</translation>
    </message>
    <message>
        <source>Certificate chain incomplete</source>
        <translation>Rantai sertifikat tidak lengkap</translation>
    </message>
    <message>
        <source>Certificate expired</source>
        <translation>Sertifikat kedaluwarsa</translation>
    </message>
    <message>
        <source>Certificate revoked</source>
        <translation>Sertifikat dicabut</translation>
    </message>
    <message>
        <source>Folder not writable</source>
        <translation>Folder tidak dapat ditulisi</translation>
    </message>
    <message>
        <source>Disk full</source>
        <translation>Disk penuh</translation>
    </message>
    <message>
        <source>Could not write the file</source>
        <translation>Berkas gagal ditulis</translation>
    </message>
    <message>
        <source>Own check of the result failed</source>
        <translation>Pemeriksaan hasil gagal</translation>
    </message>
    <message>
        <source>Document unreadable</source>
        <translation>Dokumen tidak terbaca</translation>
    </message>
    <message>
        <source>Not a PDF</source>
        <translation>Bukan PDF</translation>
    </message>
    <message>
        <source>Wrong document password</source>
        <translation>Kata sandi dokumen salah</translation>
    </message>
    <message>
        <source>Signing failed</source>
        <translation>Penandatanganan gagal</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Berhasil</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Gagal: %1</translation>
    </message>
    <message>
        <source>The signing journal is locked by another program.</source>
        <translation>Jurnal penandatanganan sedang dikunci program lain.</translation>
    </message>
    <message>
        <source>The signing journal is damaged; it is replaced at the next start.</source>
        <translation>Jurnal penandatanganan rusak; jurnal diganti saat aplikasi dibuka lagi.</translation>
    </message>
    <message>
        <source>The disk holding the signing journal is full.</source>
        <translation>Disk tempat jurnal penandatanganan penuh.</translation>
    </message>
    <message>
        <source>The signing journal is read-only.</source>
        <translation>Jurnal penandatanganan hanya dapat dibaca.</translation>
    </message>
    <message>
        <source>The signing journal cannot be opened.</source>
        <translation>Jurnal penandatanganan tidak dapat dibuka.</translation>
    </message>
    <message>
        <source>Signed, but not recorded in the signing journal: %1 The journal is repaired or started anew at the next start.</source>
        <translation>Sudah ditandatangani, tetapi tidak tercatat di jurnal penandatanganan: %1 Jurnal diperbaiki atau dimulai baru pada saat aplikasi dibuka berikutnya.</translation>
    </message>
    <message>
        <source>%1 cannot be read as a UTF-8 CSV file. It was not added.</source>
        <translation>%1 tidak dapat dibaca sebagai berkas CSV UTF-8. Berkas tidak ditambahkan.</translation>
    </message>
    <message>
        <source>%1 is not a usage report of Desktop Signer (its columns differ). It was not added.</source>
        <translation>%1 bukan laporan pemanfaatan Desktop Signer (kolomnya berbeda). Berkas tidak ditambahkan.</translation>
    </message>
    <message>
        <source>%1 is the report of another year (%2). Choose the file of the same year. It was not added.</source>
        <translation>%1 adalah laporan tahun lain (%2). Pilih berkas tahun yang sama. Berkas tidak ditambahkan.</translation>
    </message>
    <message>
        <source>%1 has an invalid value in line %2. It was not added.</source>
        <translation>%1 memuat nilai tidak sah di baris %2. Berkas tidak ditambahkan.</translation>
    </message>
    <message>
        <source>%1 could not be used (%2).</source>
        <translation>%1 tidak dapat dipakai (%2).</translation>
    </message>
</context>
<context>
    <name>ValidityBanner</name>
    <message>
        <source>Checking signatures…</source>
        <translation>Memeriksa tanda tangan…</translation>
    </message>
    <message>
        <source>All signatures are valid</source>
        <translation>Semua tanda tangan sah</translation>
    </message>
    <message>
        <source>Validity cannot be established yet</source>
        <translation>Keabsahan belum dapat dipastikan</translation>
    </message>
    <message>
        <source>A signature is not valid or the document was changed after signing</source>
        <translation>Ada tanda tangan tidak sah atau dokumen diubah setelah ditandatangani</translation>
    </message>
    <message>
        <source>This document is not signed</source>
        <translation>Dokumen ini tidak ditandatangani</translation>
    </message>
    <message>
        <source>The signatures could not be checked</source>
        <translation>Tanda tangan tidak dapat diperiksa</translation>
    </message>
    <message>
        <source>Signatures (%1)</source>
        <translation>Tanda tangan (%1)</translation>
    </message>
    <message>
        <source>Show or hide the signatures panel (F8)</source>
        <translation>Tampilkan atau sembunyikan panel tanda tangan (F8)</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Periksa ulang</translation>
    </message>
    <message>
        <source>Verify the signatures again</source>
        <translation>Periksa tanda tangan sekali lagi</translation>
    </message>
    <message>
        <source>Signature status</source>
        <translation>Status tanda tangan</translation>
    </message>
</context>
<context>
    <name>ValidityHub</name>
    <message>
        <source>Signed version (revision %1, read-only)</source>
        <translation>Versi yang ditandatangani (revisi %1, hanya-baca)</translation>
    </message>
    <message>
        <source>%1 (revision %2, signed)</source>
        <translation>%1 (revisi %2, yang ditandatangani)</translation>
    </message>
    <message>
        <source>Certificate of the issuer or root</source>
        <translation>Sertifikat penerbit atau root</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der *.p7b *.p7c);;All files (*)</source>
        <translation>Sertifikat (*.pem *.crt *.cer *.der *.p7b *.p7c);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>✓ Matches the published fingerprint of %1.</source>
        <translation>✓ Cocok dengan sidik jari resmi %1.</translation>
    </message>
    <message>
        <source>This fingerprint matches no certificate Desktop Signer knows. Compare it with the one BSrE or the sender publishes before you trust it.</source>
        <translation>Sidik jari ini tidak cocok dengan sertifikat yang dikenal Desktop Signer. Bandingkan dengan sidik jari yang diterbitkan BSrE atau pengirim sebelum Anda mempercayainya.</translation>
    </message>
    <message>
        <source>This is the training root: it is trusted in training mode only.</source>
        <translation>Ini root latihan: hanya dipercaya dalam mode latihan.</translation>
    </message>
    <message>
        <source>This is a development CA, not valid for official documents.</source>
        <translation>Ini CA pengembangan, tidak sah untuk dokumen resmi.</translation>
    </message>
    <message>
        <source>Trust this certificate?</source>
        <translation>Percayai sertifikat ini?</translation>
    </message>
    <message>
        <source>Signatures whose chain ends at this certificate will be trusted.</source>
        <translation>Tanda tangan yang rantainya berujung pada sertifikat ini akan dipercaya.</translation>
    </message>
    <message>
        <source>Trust and check again</source>
        <translation>Percayai dan periksa ulang</translation>
    </message>
    <message>
        <source>%1 - validation report</source>
        <translation>%1 - laporan validasi</translation>
    </message>
    <message>
        <source>Export validation report</source>
        <translation>Ekspor laporan validasi</translation>
    </message>
    <message>
        <source>PDF report (*.pdf);;JSON report (*.json)</source>
        <translation>Laporan PDF (*.pdf);;Laporan JSON (*.json)</translation>
    </message>
    <message>
        <source>Validation report saved: %1</source>
        <translation>Laporan validasi tersimpan: %1</translation>
    </message>
    <message>
        <source>Si&amp;gnatures</source>
        <translation>&amp;Tanda Tangan</translation>
    </message>
    <message>
        <source>Signatures &amp;Panel</source>
        <translation>&amp;Panel Tanda Tangan</translation>
    </message>
    <message>
        <source>&amp;Check Again</source>
        <translation>Periksa &amp;Ulang</translation>
    </message>
    <message>
        <source>Check Again &amp;Online</source>
        <translation>Periksa Ulang Secara &amp;Daring</translation>
    </message>
    <message>
        <source>&amp;Export Validation Report…</source>
        <translation>&amp;Ekspor Laporan Validasi…</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Sign and verify PDF letters with electronic certificates from BSrE.</source>
        <translation>Tanda tangani dan verifikasi surat PDF dengan sertifikat elektronik dari BSrE.</translation>
    </message>
    <message>
        <source>Open a PDF document…</source>
        <translation>Buka dokumen PDF…</translation>
    </message>
    <message>
        <source>Open a PDF document</source>
        <translation>Buka dokumen PDF</translation>
    </message>
    <message>
        <source>or drag PDF files into this window</source>
        <translation>atau seret berkas PDF ke jendela ini</translation>
    </message>
    <message>
        <source>&amp;Recently opened:</source>
        <translation>&amp;Terakhir dibuka:</translation>
    </message>
    <message>
        <source>Recently opened documents</source>
        <translation>Dokumen yang terakhir dibuka</translation>
    </message>
    <message>
        <source>BSrE logo</source>
        <translation>Logo BSrE</translation>
    </message>
</context>
</TS>
