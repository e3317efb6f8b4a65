// Names for the fake people of the benchmarks (see generator.ts), most frequent first in each list.

const words = (s: string) => s.split(' ');

// The canton pool: the handful of names of the project's first cantons (the generator's original lists). At a
// national size it repeats the same full name and birth year about ten times, so no one could tell those people
// apart; the national pool adds what a country has after them.
export const canton = {
  kichwaGiven: {
    Feminine: words('Sisa Killa Nina Tamya Sumak Kuri Pakari Wayra'),
    Masculine: words('Inti Amaru Rumi Atik Yupanki Kuri Wayra Pakari'),
  },
  spanishGiven: {
    Feminine: words('María Rosa Carmen Ana Luz Mercedes Juana Manuela Dolores Josefina'),
    Masculine: words('José Luis Manuel Juan Pedro Segundo Francisco Miguel Carlos Ángel'),
  },
  kichwaSurnames: words(
    'Quishpe Guamán Yupanqui Chimbo Lema Cuji Guallpa Tenemaza Morocho Caiza Pilamunga Tixi Chicaiza Llamuca Sagñay ' +
      'Yautibug Cepeda Asadobay Guaminga Paguay',
  ),
  spanishSurnames: words('García López Pérez Sánchez Vásquez Castillo Ramírez Vargas Torres Flores'),
};

// The national pool: more names heard in Ecuador, then a long tail composed from common stems and endings (plausible,
// and many of them no one's real name).
export const national = {
  kichwaGiven: {
    Feminine: words('Sami Ñusta Illari Kusi Yaku Mayu Chaska Warmi Kantu Allpa Rimay'),
    Masculine: words('Tupak Kamak Waskar Rumiñawi Sinchi Kusi Yaku Illari Atawallpa Mayu Sayri'),
  },
  spanishGiven: {
    Feminine: words(
      'Gloria Blanca Martha Teresa Isabel Patricia Silvia Elena Lucía Verónica Diana Sandra Mónica Paola Andrea ' +
        'Gabriela Daniela Fernanda Valeria Camila Jessica Karina Lorena Nancy Norma Olga Rocío Susana Tania Viviana ' +
        'Ximena Yolanda Alexandra Beatriz Cecilia Elizabeth Erika Fabiola Geovanna Inés Janeth Lourdes Margarita ' +
        'Mariana Natalia Pilar Rebeca Sofía Tatiana Zoila Angélica Cristina Dayana Estefanía Guadalupe Jacqueline Lidia ' +
        'Maritza Nelly Priscila Ruth Sonia',
    ),
    Masculine: words(
      'Jorge Marco Edison Wilson Fausto César Diego Fernando Jaime Javier Julio Mario Patricio Ramiro Raúl Santiago ' +
        'Víctor Washington Xavier Andrés Bolívar Byron Cristian Darwin Eduardo Efraín Fabián Galo Gonzalo Héctor Hugo ' +
        'Iván Jhon Klever Leonardo Lenin Marcelo Milton Napoleón Óscar Pablo Ricardo Rodrigo Rubén Tomás Vicente Alex ' +
        'Bryan Dennis Franklin Geovanny Henry Jefferson Kevin Mauricio Nelson Orlando Paúl Stalin Vinicio',
    ),
  },
  kichwaSurnames: words(
    'Tigsi Chiluisa Toaquiza Ushiña Pilatasig Cutiopala Cabascango Farinango Cotacachi Anrango Perugachi Males ' +
      'Chango Quilumbaquín Chimarro Yamberla Cachimuel Tamba Allauca Chafla Inga Tene Pinduisaca Lluilema Guacho ' +
      'Naula Pomavilla Quizhpi Zhunio Tenesaca Bagua Chalán Pichizaca Duchi Guaraca Yumbo Masabanda Chacha Aucancela ' +
      'Yaguachi Paca Buñay Chuqui Huilca Puma Tuza Auqui Sanango Chisag Toapanta Umajinga Quinatoa Tituaña Andrango ' +
      'Guatemal Pupiales Lechón Amaguaña',
  ),
  spanishSurnames: words(
    'Zambrano Rodríguez Mendoza Moreira Cedeño Macías Chávez Morales Ortiz Gómez Reyes Herrera Jiménez Guerrero ' +
      'Romero Aguilar Álvarez Benítez Cabrera Carrillo Delgado Espinoza Fernández González Gutiérrez Hernández ' +
      'Intriago León Loor Martínez Medina Molina Muñoz Navarrete Ochoa Ortega Paredes Quintero Rivera Rojas Ruiz ' +
      'Salazar Silva Suárez Tapia Toala Valencia Vera Villacís Yánez Zamora Cevallos Andrade Bravo Calderón Castro ' +
      'Cruz Díaz Estrada Figueroa Garzón Guzmán Jaramillo Lara Mejía Montero Narváez Núñez Pazmiño Ponce Proaño ' +
      'Quiroz Ríos Salinas Santos Sarmiento Solís Tello Ulloa Valdivieso Velasco Villavicencio Zurita Arias Borja ' +
      'Carvajal Córdova Dávila Egas Freire Granda Hidalgo Iturralde Larrea Maldonado Naranjo Orellana Palacios Rosero ' +
      'Serrano Tamayo Unda Viteri Bermeo Coronel Escobar Haro Ibarra',
  ),
  kichwaStems: words(
    'Pila Toa Chilu Cuti Yamber Pindu Tene Lluli Guara Masa Tupi Quilum Asado Yauti Ushi Chuqui Aucan Guami Pagu ' +
      'Cabas Farin Anran Peru Cachi Pichi Tuque Cotan Llumi Sisal Huaca Puru Chimi Quinche Tamia Cusi Nina',
  ),
  kichwaEndings: words(
    'munga tasig quiza ña cango gachi baquín sisa pala banda cela lema saca bay bug guano nga muel chi ta huasi ' +
      'pamba cocha rumi',
  ),
  spanishStems: words(
    'Alba Bel Cal Cas Ech Gal Lan Mar Mon Nav Oli Pal Ros San Tor Val Vill Zal Arr Bar Cor Est Fon Gar Lor Mir Quev ' +
      'Ren Sot Ur',
  ),
  spanishEndings: words('ado ares edo illa ino era ón uela anda iz ero ente arte eda ales ueta'),
};
