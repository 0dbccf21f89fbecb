import type { Organisation } from '../../core/model/schemas';

/** The Chelyabinsk ministry's бланк exactly as seed 000 prints it, and the Altai institute of seed 003. */
export const MINOBR74 = 'minobr74';
export const IPKIPRO_RA = 'ipkipro-ra';

export const organisations: Organisation[] = [
  {
    id: MINOBR74,
    fullName: 'МИНИСТЕРСТВО\nОБРАЗОВАНИЯ И НАУКИ\nЧЕЛЯБИНСКОЙ ОБЛАСТИ',
    shortName: 'Минобр Челябинской области',
    nameGenitive: 'Министерства образования и науки Челябинской области',
    address: 'площадь Революции, д. 4, Челябинск, 454113',
    phone: '(351) 263-67-62',
    fax: '(351) 263-87-05',
    email: 'minobr@gov74.ru',
    site: 'http://www.minobr74.ru',
    okpo: '00097442',
    ogrn: '1047423522277',
    innKpp: '7451208572/745101001',
    city: 'Челябинск',
    // Seed 003's column «На уровне института развития образования».
    instituteGenitive: 'института развития образования',
  },
  {
    id: IPKIPRO_RA,
    // The address is invented; the phone is the seed's.
    fullName: 'БУ ДПО РА «Институт повышения квалификации\nи профессиональной переподготовки\nработников образования Республики Алтай»',
    shortName: 'БУ ДПО РА ИПКиПП РО РА',
    nameGenitive: 'БУ ДПО РА «Институт повышения квалификации и профессиональной переподготовки работников образования Республики Алтай»',
    parentName: 'Министерство образования и науки Республики Алтай',
    address: 'ул. Чорос-Гуркина, д. 37, Горно-Алтайск, Республика Алтай, 649000',
    phone: '8(388)22-2-55-83',
    city: 'Горно-Алтайск',
    instituteGenitive: 'института повышения квалификации и профессиональной переподготовки работников образования',
  },
];
