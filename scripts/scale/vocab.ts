// Vocabulary of the scale data (Bahasa Indonesia; Javanese, Osing and Madurese names common in
// Banyuwangi), condensed from scripts/seed.mts.

function list(text: string): readonly string[] {
  return text.split(", ");
}

export const PERSON_NAMES = {
  old: {
    MALE: list(
      "Sanusi, Rasimin, Kasiman, Poniman, Kartono, Sumarto, Darmo, Jumadi, Misran, Tukimin, Sarip, Bakri, Marzuki, Sahri, Ngadimin, Paidi, Suroso, Mukri, Asmawi, Matrawi, Sahlan, Sunardi, Karsan, Buhari, Sapi'i, Rasidi",
    ),
    FEMALE: list(
      "Sainah, Satinah, Ngatemi, Tukinah, Paitun, Misri, Asmanah, Juminten, Sutiyah, Poniyem, Marsinah, Sumirah, Kasiyem, Rukayah, Supiyah, Misnah, Halimah, Aminah, Saodah, Sarmi, Tumirah, Jumaiyah, Siti Maryam, Sukarsih, Hosniyah",
    ),
  },
  middle: {
    MALE: list(
      "Slamet, Sugeng, Suparman, Sutrisno, Bambang, Joko Susilo, Agus Mulyadi, Budi Santoso, Eko Wahyudi, Hadi Purnomo, Mulyono, Sumarno, Paiman, Sukirno, Rahmat Hidayat, Abdul Rohim, Moh. Sholeh, Ahmad Fauzi, Imam Syafi'i, Samsul Arifin, Hasan Basri, Rofi'i, Juhari, Syaiful Bahri, Nurhadi, Kusnadi, Misnadi, Sukardi, Supriyadi, Wagiman, Tarmuji, Andik Setiawan, Heri Susanto, Nur Kholis, Zainal Abidin, Subandi, Suwito, Yatiman, Holili, Sahroni",
    ),
    FEMALE: list(
      "Siti Aminah, Sumiati, Suwarni, Painem, Sulastri, Rukmini, Sri Wahyuni, Endang Susilowati, Tumini, Sutini, Khotimah, Maisaroh, Fatimah, Juwariyah, Musrifah, Nur Hayati, Lilik Suryani, Yuliana, Rina Wati, Ani Susanti, Wulandari, Kartinah, Tarmi, Sarinah, Misnati, Rohmah, Umi Kulsum, Suliha, Mistiyah, Saniyah, Nurul Hidayah, Sri Utami, Indah Lestari, Wiwik Sundari, Erna Wati, Hamidah",
    ),
  },
  young: {
    MALE: list(
      "Dimas Saputra, Rizky Ramadhan, Bagus Pratama, Aditya Nugroho, Moh. Fikri, Rafi Maulana, Arya Wicaksono, Bayu Setiawan, Galang Permana, Yoga Pratama, Fahmi Hidayat, Ilham Maulana, Rendi Saputra, Angga Prasetya, Farhan Maulana, Naufal Hakim, Alif Ramadhan, Dafa Putra, Reza Firmansyah, Hafiz Alfarizi, Akbar Maulana, Satria Wibowo, Arkan, Raka Aditya, Fikri Haikal, Rehan",
    ),
    FEMALE: list(
      "Putri Ayu, Nabila, Aisyah, Salsabila, Anisa Rahmawati, Dinda Ayu, Intan Permata, Safitri, Zahra, Citra Lestari, Nur Aini, Alya Putri, Aulia Rahma, Keisya, Naura, Amelia, Dwi Rahayu, Fitriani, Laila, Syifa, Azzahra, Ratna Sari, Nadia, Wulan",
    ),
  },
} as const;

export const ASN_NAMES = {
  MALE: {
    first: list(
      "Agus, Bambang, Budi, Dedy, Eko, Fajar, Hendra, Imam, Joko, Rizal, Wahyu, Yudi, Andi, Arif, Dwi, Heru, Rudi, Taufik, Zainal, Moh., Ahmad, Teguh, Nanang, Didik, Anang, Hari, Yoyok, Rahmat, Ferry, Galih",
    ),
    last: list(
      "Santoso, Prasetyo, Setiawan, Hidayat, Wibowo, Kurniawan, Hariyanto, Susanto, Firmansyah, Saputra, Nugroho, Hermawan, Wahyudi, Anam, Fauzi, Hakim, Ma'ruf, Rahman, Sugiarto, Purnomo, Efendi, Junaedi, Kholiq, Arifin",
    ),
  },
  FEMALE: {
    first: list(
      "Siti, Sri, Dewi, Endang, Lilik, Nur, Rina, Yuli, Ika, Dian, Ratna, Wiwik, Nanik, Erna, Tutik, Anik, Umi, Lia, Eka, Fitri, Rosita, Mega, Novi, Yeni",
    ),
    last: list(
      "Wahyuni, Rahayu, Lestari, Puspitasari, Handayani, Susanti, Kartika, Nurhayati, Hidayati, Ningsih, Kurniasari, Yuliana, Fatmawati, Maulidiyah, Rohmah, Sholihah, Agustina, Permatasari, Wulandari, Safitri, Anggraeni",
    ),
  },
} as const;

export const DUSUN = list(
  "Krajan, Krajan Lor, Krajan Kidul, Sumberrejo, Karangasem, Sukorejo, Kedungrejo, Tegalrejo, Wonorejo, Sidomulyo, Purwosari, Kampung Baru, Sumbersari, Tamansari, Ringinsari, Gumukrejo, Rejoagung, Sidodadi, Tanjungrejo, Kalimati, Cungking, Sukomaju, Pancoran, Gondang, Tegalpare",
);
export const LINGKUNGAN = list(
  "Krajan, Wonosari, Sidomukti, Kampung Baru, Sumberrejo, Tegalrejo, Karanganyar, Pakis, Sukomulyo, Gebang, Sawahan, Kampung Ujung",
);
export const STREETS = list(
  "Jl. Kenanga, Jl. Melati, Jl. Mawar, Jl. Anggrek, Jl. Flamboyan, Jl. Sritanjung, Jl. Blambangan, Jl. Diponegoro, Jl. Kartini, Jl. Brawijaya, Jl. Hayam Wuruk, Jl. Gajah Mada, Jl. Ahmad Yani, Jl. Pattimura, Jl. Mataram, Jl. Veteran, Jl. Kopi, Gg. Masjid, Gg. Mushola, Gg. Sawah, Gg. Pondok, Gg. Sekolah",
);
export const CHRONIC = [
  ["Hipertensi", 30],
  ["Diabetes", 14],
  ["Rematik", 12],
  ["Asma", 8],
  ["Penyakit jantung", 7],
  ["Stroke", 7],
  ["TBC", 6],
] as const;
export const DISABILITY = [
  ["Kesulitan berjalan", 40],
  ["Kesulitan melihat", 25],
  ["Kesulitan mendengar", 15],
  ["Kesulitan mengurus diri sendiri", 10],
] as const;
export const VISIT_NOTES = list(
  "Ibu sedang kurang sehat, sudah disarankan periksa ke puskesmas., Keluarga berterima kasih, lauk langsung dimasak untuk makan siang., Atap dapur bocor saat hujan., Kepala keluarga bekerja sebagai buruh tani musiman., Anak butuh bantuan seragam dan sepatu sekolah., Sumur kering saat kemarau, air dibeli dari tetangga., Bantuan BPNT bulan ini belum cair., Listrik masih menyambung dari rumah tetangga., Suami melaut, hasil tangkapan sedang sepi.",
).map((s) => s.trim());
export const NOT_DELIVERED_REASONS = [
  "Keluarga tidak di rumah",
  "Keluarga sedang menjenguk kerabat di luar desa",
  "Stok lauk di pasar sedang kosong",
] as const;
export const POSITIONS: Record<string, readonly string[]> = {
  DISPENDIK: ["Guru Ahli Pertama", "Guru Ahli Muda", "Guru Ahli Madya", "Pengawas Sekolah Ahli Madya"],
  DINKES: [
    "Perawat Terampil",
    "Perawat Ahli Pertama",
    "Bidan Terampil",
    "Penyuluh Kesehatan Masyarakat Ahli Pertama",
  ],
  RSUD_BLAMBANGAN: ["Perawat Ahli Pertama", "Perawat Terampil", "Apoteker Ahli Pertama"],
  DINSOS: ["Pekerja Sosial Ahli Pertama", "Penyuluh Sosial Ahli Muda"],
};
export const GENERIC_POSITIONS = [
  "Analis Kebijakan Ahli Pertama",
  "Pengelola Keuangan",
  "Pranata Komputer Ahli Pertama",
  "Pengadministrasi Umum",
  "Analis Sumber Daya Manusia Aparatur",
  "Perencana Ahli Muda",
] as const;
export const FOLLOW_UP_NOTES = {
  IN_PROGRESS: "Sudah diverifikasi petugas, sedang diproses.",
  RESOLVED: "Sudah ditangani dan diverifikasi.",
  REJECTED: "Tidak memenuhi syarat setelah verifikasi lapangan.",
  CREATED: "Dibuat otomatis dari laporan kunjungan.",
} as const;
