import type { CreateTheme } from "../themes/themes.schemas.js";

/**
 * The demo's managed list of themes (shared/DOMAIN.md's recurring themes), named as a Finnish,
 * Swedish and English page shows them. The key topics and experts store is the English name in
 * lower case, which is how demo-catalogue.ts names them.
 */
export const DEMO_THEMES: CreateTheme[] = [
  { nameEn: "Child protection", nameFi: "Lastensuojelu", nameSv: "Barnskydd" },
  { nameEn: "Preventive family work", nameFi: "Ennaltaehkäisevä perhetyö", nameSv: "Förebyggande familjearbete" },
  { nameEn: "Early childhood education", nameFi: "Varhaiskasvatus", nameSv: "Småbarnspedagogik" },
  { nameEn: "Elderly care", nameFi: "Ikääntyneiden palvelut", nameSv: "Äldreomsorg" },
  { nameEn: "Disability services", nameFi: "Vammaispalvelut", nameSv: "Funktionshinderservice" },
  { nameEn: "Mental health and substance abuse", nameFi: "Mielenterveys- ja päihdetyö", nameSv: "Psykisk hälsa och missbruk" },
  {
    nameEn: "Housing for people with mental-health disabilities",
    nameFi: "Mielenterveyskuntoutujien asuminen",
    nameSv: "Boende för personer med psykisk funktionsnedsättning",
  },
  { nameEn: "Adult social work", nameFi: "Aikuissosiaalityö", nameSv: "Socialt arbete med vuxna" },
  { nameEn: "Immigrant integration", nameFi: "Maahanmuuttajien kotoutuminen", nameSv: "Integration av invandrare" },
  { nameEn: "NGO-public cooperation", nameFi: "Järjestöjen ja julkisen sektorin yhteistyö", nameSv: "Samverkan mellan civilsamhället och offentlig sektor" },
  { nameEn: "Client participation", nameFi: "Asiakasosallisuus", nameSv: "Klientdelaktighet" },
  { nameEn: "Welfare indicators", nameFi: "Hyvinvointi-indikaattorit", nameSv: "Välfärdsindikatorer" },
  { nameEn: "Social-work leadership", nameFi: "Sosiaalityön johtaminen", nameSv: "Ledarskap i socialt arbete" },
  { nameEn: "Trust-based social work", nameFi: "Luottamukseen perustuva sosiaalityö", nameSv: "Tillitsbaserat socialt arbete" },
];
