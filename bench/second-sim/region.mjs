// Two regions with approximate real coordinates: a hub city (with districts), seven market towns,
// background towns and villages, motorway/A-road junctions, gateways where through traffic leaves
// the region, and the main roads as chains of those places. Coordinates are approximate (to ~1 km).

/** Region definitions by name. @example REGIONS.south_west.hub.name === 'Bristol' */
export const REGIONS = {
  south_west: {
    hub: {
      name: 'Bristol', lat: 51.4545, lon: -2.5879,
      districts: [
        ['Clifton', 51.4600, -2.6160], ['Redland', 51.4700, -2.6020], ['Horfield', 51.4880, -2.5870],
        ['Southmead', 51.4960, -2.6000], ['Lockleaze', 51.4880, -2.5590], ['Eastville', 51.4710, -2.5620],
        ['Fishponds', 51.4810, -2.5260], ['Easton', 51.4620, -2.5690], ['Kingswood', 51.4590, -2.5060],
        ['St George', 51.4580, -2.5400], ['Brislington', 51.4350, -2.5450], ['Knowle', 51.4300, -2.5700],
        ['Bedminster', 51.4400, -2.6010], ['Bishopsworth', 51.4170, -2.6170], ['Hartcliffe', 51.4090, -2.5940],
        ['Filton', 51.5050, -2.5800], ['Hotwells', 51.4490, -2.6190]
      ]
    },
    markets: [
      ['Taunton', 51.0150, -3.1029], ['Bridgwater', 51.1279, -3.0037], ['Yeovil', 50.9421, -2.6336],
      ['Weston-super-Mare', 51.3461, -2.9770], ['Frome', 51.2279, -2.3215], ['Trowbridge', 51.3198, -2.2088],
      ['Chippenham', 51.4585, -2.1158]
    ],
    towns: [
      ['Bath', 51.3811, -2.3590, 5], ['Clevedon', 51.4386, -2.8540, 2], ['Portishead', 51.4840, -2.7626, 2],
      ['Nailsea', 51.4330, -2.7580, 1.5], ['Thornbury', 51.6097, -2.5254, 1.2], ['Yate', 51.5402, -2.4115, 2],
      ['Midsomer Norton', 51.2842, -2.4800, 1.5], ['Radstock', 51.2920, -2.4480, 0.8], ['Wells', 51.2093, -2.6450, 1.2],
      ['Glastonbury', 51.1489, -2.7140, 1], ['Street', 51.1270, -2.7390, 1.2], ['Shepton Mallet', 51.1910, -2.5460, 1],
      ['Cheddar', 51.2790, -2.7780, 0.7], ['Burnham-on-Sea', 51.2380, -2.9970, 1.3], ['Wellington', 50.9780, -3.2240, 1.2],
      ['Bradford-on-Avon', 51.3470, -2.2510, 1], ['Melksham', 51.3730, -2.1380, 1.3], ['Corsham', 51.4310, -2.1860, 0.9],
      ['Westbury', 51.2600, -2.1870, 1], ['Warminster', 51.2040, -2.1790, 1.2], ['Wincanton', 51.0560, -2.4100, 0.7],
      ['Crewkerne', 50.8840, -2.7930, 0.7], ['Sherborne', 50.9470, -2.5170, 0.9], ['Langport', 51.0370, -2.8280, 0.4],
      ['Minehead', 51.2040, -3.4790, 1], ['Calne', 51.4380, -2.0050, 1], ['Malmesbury', 51.5840, -2.0980, 0.6],
      ['Congresbury', 51.3700, -2.8070, 0.4]
    ],
    junctions: [
      ['ALM', 'Almondsbury Interchange', 51.5470, -2.5620], ['M5J17', 'M5 J17 Cribbs Causeway', 51.5230, -2.5990],
      ['M5J18', 'M5 J18 Avonmouth', 51.5000, -2.6880], ['M5J19', 'M5 J19 Gordano', 51.4780, -2.7080],
      ['M5J20', 'M5 J20 Clevedon', 51.4360, -2.8310], ['M5J21', 'M5 J21 Weston', 51.3570, -2.9190],
      ['M5J22', 'M5 J22 Edithmead', 51.2530, -2.9420], ['M5J23', 'M5 J23 Dunball', 51.1620, -2.9850],
      ['M5J24', 'M5 J24 Huntworth', 51.1030, -2.9850], ['M5J25', 'M5 J25 Taunton', 51.0150, -3.0700],
      ['M5J26', 'M5 J26 Wellington', 50.9830, -3.2010], ['M4J19', 'M4 J19 Hambrook', 51.5190, -2.5190],
      ['M4J18', 'M4 J18 Tormarton', 51.5240, -2.3450], ['M4J17', 'M4 J17 Stanton St Quintin', 51.5090, -2.1260],
      ['LONGASH', 'Long Ashton', 51.4330, -2.6560], ['BACKWELL', 'Backwell', 51.4120, -2.7380],
      ['AIRPORT', 'Bristol Airport', 51.3830, -2.7190], ['CROSS', 'Cross', 51.2830, -2.8400],
      ['WHITCH', 'Whitchurch', 51.4080, -2.5600], ['FARRG', 'Farrington Gurney', 51.2990, -2.5250],
      ['WICK', 'Wick', 51.4540, -2.4200], ['BECK', 'Beckington', 51.2640, -2.2890], ['ILCH', 'Ilchester', 51.0010, -2.6830],
      ['SPARK', 'Sparkford', 51.0340, -2.5660], ['CHEWM', 'Chewton Mendip', 51.2760, -2.5830],
      ['SALTF', 'Saltford', 51.4030, -2.4530], ['WILLI', 'Williton', 51.1620, -3.3210]
    ],
    gateways: [
      ['GW_M5N', 'M5 north towards Gloucester', 51.7000, -2.4000], ['GW_M5S', 'M5 south towards Exeter', 50.8900, -3.3600],
      ['GW_M4E', 'M4 east towards Swindon', 51.5400, -1.8600], ['GW_M4W', 'M4 west to Wales', 51.5750, -2.6950],
      ['GW_A303E', 'A303 east towards Salisbury Plain', 51.0900, -2.2400], ['GW_A303W', 'A303 west towards Ilminster', 50.9300, -2.9100],
      ['GW_A36S', 'A36 south towards Salisbury', 51.1500, -2.0500]
    ],
    roads: [
      ['M5', 'motorway', ['GW_M5N', 'ALM', 'M5J17', 'M5J18', 'M5J19', 'M5J20', 'M5J21', 'M5J22', 'M5J23', 'M5J24', 'M5J25', 'M5J26', 'GW_M5S']],
      ['M4', 'motorway', ['GW_M4W', 'ALM', 'M4J19', 'M4J18', 'M4J17', 'GW_M4E']],
      ['M32', 'trunk', ['M4J19', 'Eastville']],
      ['A38', 'a_road', ['Thornbury', 'ALM', 'Filton']],
      ['A4018', 'a_road', ['M5J17', 'Southmead']],
      ['A4 Portway', 'trunk', ['M5J18', 'Hotwells']],
      ['A369', 'a_road', ['Portishead', 'M5J19', 'Clifton']],
      ['A370', 'trunk', ['Bedminster', 'LONGASH', 'BACKWELL', 'Congresbury', 'Weston-super-Mare', 'M5J21']],
      ['B3130', 'b_road', ['Clevedon', 'Nailsea', 'BACKWELL']],
      ['B3133', 'b_road', ['Clevedon', 'Congresbury']],
      ['A370 Clevedon link', 'a_road', ['M5J20', 'Clevedon']],
      ['A38', 'a_road', ['Bishopsworth', 'AIRPORT', 'CROSS', 'Burnham-on-Sea', 'Bridgwater', 'Taunton', 'Wellington']],
      ['A371', 'a_road', ['Weston-super-Mare', 'CROSS', 'Cheddar', 'Wells', 'Shepton Mallet']],
      ['A39', 'a_road', ['Bath', 'CHEWM', 'Wells', 'Glastonbury', 'Street', 'Bridgwater', 'WILLI', 'Minehead']],
      ['A37', 'a_road', ['Knowle', 'WHITCH', 'FARRG', 'Shepton Mallet', 'ILCH', 'Yeovil']],
      ['A367', 'a_road', ['Bath', 'Radstock', 'Midsomer Norton', 'FARRG']],
      ['A362', 'a_road', ['Radstock', 'Frome']],
      ['A361', 'a_road', ['Glastonbury', 'Shepton Mallet', 'Frome', 'BECK', 'Trowbridge']],
      ['A36', 'trunk', ['Bath', 'BECK', 'Warminster', 'GW_A36S']],
      ['A350', 'trunk', ['M4J17', 'Chippenham', 'Melksham', 'Trowbridge', 'Westbury', 'Warminster']],
      ['A363', 'a_road', ['Bath', 'Bradford-on-Avon', 'Trowbridge']],
      ['A4', 'trunk', ['Brislington', 'SALTF', 'Bath', 'Corsham', 'Chippenham', 'Calne']],
      ['A420', 'a_road', ['Kingswood', 'WICK', 'Chippenham']],
      ['A432', 'a_road', ['Fishponds', 'Yate']],
      ['A46', 'trunk', ['Bath', 'M4J18']],
      ['A429', 'a_road', ['M4J17', 'Malmesbury']],
      ['A4174 Ring Road', 'trunk', ['M4J19', 'Kingswood', 'WHITCH', 'Hartcliffe']],
      ['A303', 'trunk', ['GW_A303W', 'ILCH', 'SPARK', 'Wincanton', 'GW_A303E']],
      ['A359', 'a_road', ['Yeovil', 'SPARK']],
      ['A30', 'a_road', ['Crewkerne', 'Yeovil', 'Sherborne']],
      ['A357', 'a_road', ['Sherborne', 'Wincanton']],
      ['A372', 'a_road', ['Bridgwater', 'Langport', 'ILCH']],
      ['A378', 'a_road', ['Taunton', 'Langport']],
      ['A358', 'a_road', ['M5J25', 'Taunton']],
      ['A38 Dunball', 'a_road', ['M5J23', 'Bridgwater']],
      ['A38 Huntworth', 'a_road', ['M5J24', 'Bridgwater']],
      ['B3139', 'b_road', ['M5J22', 'Burnham-on-Sea']],
      ['A38 Wellington link', 'a_road', ['M5J26', 'Wellington']],
      ['A3098', 'b_road', ['Frome', 'Westbury']],
      ['B3139 Wells', 'b_road', ['Wells', 'Midsomer Norton']],
      ['A432 Yate link', 'b_road', ['Yate', 'M4J18']]
    ]
  },
  north_east: {
    hub: {
      name: 'Newcastle upon Tyne', lat: 54.9783, lon: -1.6178,
      districts: [
        ['Jesmond', 54.9890, -1.6000], ['Gosforth', 55.0070, -1.6170], ['Kenton', 55.0030, -1.6400],
        ['Fenham', 54.9830, -1.6550], ['Benwell', 54.9720, -1.6640], ['Elswick', 54.9680, -1.6390],
        ['Heaton', 54.9830, -1.5770], ['Byker', 54.9740, -1.5800], ['Walker', 54.9720, -1.5480],
        ['Westerhope', 55.0000, -1.6950], ['Gateshead', 54.9527, -1.6034], ['Felling', 54.9530, -1.5660],
        ['Low Fell', 54.9380, -1.6020], ['Longbenton', 55.0060, -1.5670], ['Denton Burn', 54.9860, -1.6900]
      ]
    },
    markets: [
      ['Hexham', 54.9710, -2.1010], ['Morpeth', 55.1680, -1.6880], ['Durham', 54.7761, -1.5733],
      ['Darlington', 54.5236, -1.5595], ['Alnwick', 55.4130, -1.7060], ['Consett', 54.8540, -1.8310],
      ['Berwick-upon-Tweed', 55.7710, -2.0070]
    ],
    towns: [
      ['Sunderland', 54.9069, -1.3838, 4], ['South Shields', 54.9986, -1.4323, 2.5], ['North Shields', 55.0080, -1.4480, 2],
      ['Whitley Bay', 55.0450, -1.4450, 1.5], ['Cramlington', 55.0860, -1.5850, 1.5], ['Blyth', 55.1270, -1.5100, 1.5],
      ['Ashington', 55.1810, -1.5680, 1.5], ['Ponteland', 55.0500, -1.7420, 0.8], ['Prudhoe', 54.9610, -1.8520, 0.8],
      ['Corbridge', 54.9740, -2.0180, 0.4], ['Haltwhistle', 54.9700, -2.4600, 0.4], ['Washington', 54.9000, -1.5200, 2],
      ['Chester-le-Street', 54.8590, -1.5740, 1.2], ['Stanley', 54.8680, -1.6960, 1], ['Bishop Auckland', 54.6600, -1.6760, 1.2],
      ['Spennymoor', 54.6990, -1.6020, 1], ['Newton Aycliffe', 54.6180, -1.5720, 1.2], ['Peterlee', 54.7600, -1.3360, 1.2],
      ['Seaham', 54.8390, -1.3410, 0.9], ['Houghton-le-Spring', 54.8410, -1.4680, 0.9], ['Amble', 55.3330, -1.5850, 0.6],
      ['Rothbury', 55.3100, -1.9100, 0.3], ['Wooler', 55.5470, -2.0110, 0.3], ['Belford', 55.5960, -1.8290, 0.2],
      ['Bedlington', 55.1330, -1.5930, 0.9], ['Barnard Castle', 54.5430, -1.9240, 0.6], ['Crook', 54.7150, -1.7450, 0.6]
    ],
    junctions: [
      ['A1_SB', 'Seaton Burn', 55.0650, -1.6240], ['KENTONBAR', 'Kenton Bar', 55.0050, -1.6600],
      ['A1_DENTON', 'Denton interchange', 54.9820, -1.7000], ['A1_BLAYDON', 'Blaydon', 54.9620, -1.7050],
      ['A1_METRO', 'Metrocentre', 54.9570, -1.6700], ['A1_TEAM', 'Team Valley', 54.9300, -1.6250],
      ['A1_BIRTLEY', 'Birtley', 54.9000, -1.5900], ['A1M_J63', 'A1(M) J63 Chester-le-Street', 54.8650, -1.5650],
      ['A1M_J62', 'A1(M) J62 Carrville', 54.7840, -1.5330], ['A1M_J61', 'A1(M) J61 Bowburn', 54.7350, -1.5230],
      ['A1M_J60', 'A1(M) J60 Bradbury', 54.6740, -1.5320], ['A1M_J59', 'A1(M) J59 Newton Aycliffe', 54.6080, -1.5580],
      ['A1M_J57', 'A1(M) J57 Darlington', 54.5250, -1.6150], ['A1_MORPETH', 'A1 Morpeth bypass', 55.1550, -1.6650],
      ['A1_FELTON', 'Felton', 55.2960, -1.7050], ['A1_ALNWICK', 'A1 Alnwick', 55.4050, -1.6950],
      ['A1_BERWICK', 'A1 Berwick bypass', 55.7600, -2.0200], ['A19_SEATON', 'Seaton', 54.8300, -1.3700],
      ['A19_A690', 'Doxford', 54.8560, -1.4200], ['A19_A1231', 'A19 Washington', 54.9000, -1.4700],
      ['A19_TUNNEL', 'Tyne Tunnel', 54.9880, -1.4900], ['A19_SILVER', 'Silverlink', 55.0100, -1.5050],
      ['A19_KILLING', 'Killingworth', 55.0300, -1.5450], ['BOLDON', 'Boldon', 54.9430, -1.4600],
      ['A69_HORSLEY', 'Horsley', 54.9830, -1.8500], ['SUNNISIDE', 'Sunniside', 54.9190, -1.6870],
      ['LANCH', 'Lanchester', 54.8200, -1.7450], ['LONGFRAM', 'Longframlington', 55.3000, -1.7950]
    ],
    gateways: [
      ['GW_A1S', 'A1(M) south towards Scotch Corner', 54.4500, -1.6500], ['GW_A1N', 'A1 north towards Edinburgh', 55.8500, -2.1300],
      ['GW_A19S', 'A19 south towards Teesside', 54.6500, -1.3300], ['GW_A69W', 'A69 west towards Carlisle', 54.9500, -2.6500],
      ['GW_A66E', 'A66 east towards Teesside', 54.5400, -1.3500], ['GW_A68N', 'A68 north towards Jedburgh', 55.3000, -2.2500]
    ],
    roads: [
      ['A1', 'trunk', ['GW_A1N', 'A1_BERWICK', 'Belford', 'A1_ALNWICK', 'A1_FELTON', 'A1_MORPETH', 'A1_SB', 'KENTONBAR', 'A1_DENTON', 'A1_BLAYDON', 'A1_METRO', 'A1_TEAM', 'A1_BIRTLEY']],
      ['A1(M)', 'motorway', ['A1_BIRTLEY', 'A1M_J63', 'A1M_J62', 'A1M_J61', 'A1M_J60', 'A1M_J59', 'A1M_J57', 'GW_A1S']],
      ['A19', 'trunk', ['GW_A19S', 'Peterlee', 'A19_SEATON', 'A19_A690', 'A19_A1231', 'A19_TUNNEL', 'A19_SILVER', 'A19_KILLING', 'A1_SB']],
      ['A189', 'trunk', ['A19_KILLING', 'Cramlington', 'Bedlington', 'Ashington']],
      ['A1068', 'a_road', ['Ashington', 'Amble', 'Alnwick']],
      ['A167', 'a_road', ['Low Fell', 'A1_BIRTLEY', 'Chester-le-Street', 'Durham', 'Spennymoor', 'Newton Aycliffe', 'Darlington']],
      ['A167 Great North Road', 'a_road', ['Gosforth', 'A1_SB']],
      ['A690', 'trunk', ['Durham', 'A1M_J62', 'Houghton-le-Spring', 'A19_A690', 'Sunderland']],
      ['A1231', 'trunk', ['A1_BIRTLEY', 'Washington', 'A19_A1231', 'Sunderland']],
      ['A184', 'a_road', ['Felling', 'BOLDON', 'Sunderland']],
      ['A194', 'a_road', ['BOLDON', 'South Shields']],
      ['A1058 Coast Road', 'trunk', ['Heaton', 'A19_SILVER', 'North Shields']],
      ['A193', 'a_road', ['North Shields', 'Whitley Bay', 'Blyth']],
      ['A187', 'b_road', ['Walker', 'A19_TUNNEL']],
      ['A191', 'a_road', ['Longbenton', 'A19_SILVER', 'Whitley Bay']],
      ['A696', 'trunk', ['Kenton', 'KENTONBAR', 'Ponteland']],
      ['A186 West Road', 'a_road', ['Benwell', 'A1_DENTON']],
      ['A69', 'trunk', ['A1_DENTON', 'A69_HORSLEY', 'Corbridge', 'Hexham', 'Haltwhistle', 'GW_A69W']],
      ['A695', 'a_road', ['A1_BLAYDON', 'Prudhoe', 'Corbridge']],
      ['A692', 'a_road', ['A1_TEAM', 'SUNNISIDE', 'Consett']],
      ['A693', 'a_road', ['Chester-le-Street', 'A1M_J63', 'Stanley', 'Consett']],
      ['A691', 'a_road', ['Consett', 'LANCH', 'Durham']],
      ['A68', 'a_road', ['GW_A68N', 'Corbridge', 'Consett', 'Crook', 'Bishop Auckland', 'Darlington']],
      ['A690 Crook', 'a_road', ['Durham', 'Crook']],
      ['A688', 'a_road', ['Barnard Castle', 'Bishop Auckland', 'Spennymoor', 'A1M_J61']],
      ['A67', 'a_road', ['Darlington', 'Barnard Castle']],
      ['A66(M)', 'trunk', ['A1M_J57', 'Darlington', 'GW_A66E']],
      ['A167 Aycliffe link', 'a_road', ['A1M_J59', 'Newton Aycliffe']],
      ['A181', 'a_road', ['Peterlee', 'Durham']],
      ['B1404', 'b_road', ['A19_SEATON', 'Seaham']],
      ['A1018', 'a_road', ['Seaham', 'Sunderland']],
      ['A192', 'a_road', ['A1_MORPETH', 'Morpeth']],
      ['A197', 'a_road', ['Morpeth', 'Ashington']],
      ['A697', 'a_road', ['Morpeth', 'LONGFRAM', 'Wooler']],
      ['B6344', 'b_road', ['LONGFRAM', 'Rothbury']],
      ['B6525', 'b_road', ['Wooler', 'Berwick-upon-Tweed']],
      ['B6346', 'a_road', ['A1_ALNWICK', 'Alnwick']],
      ['A1167', 'a_road', ['A1_BERWICK', 'Berwick-upon-Tweed']],
      ['B6345', 'b_road', ['Amble', 'A1_FELTON']],
      ['A1061', 'a_road', ['Cramlington', 'Blyth']],
      ['A693 Stanley link', 'b_road', ['Stanley', 'SUNNISIDE']]
    ]
  }
};

/** Names of the regions. @example regionNames() // ['south_west', 'north_east'] */
export function regionNames() { return Object.keys(REGIONS); }
