import pytest

from tests.factories import UnionBodyFactory


@pytest.fixture
def world():
    province = UnionBodyFactory(name="Liên đoàn Lao động tỉnh Lạng Sơn", kind="provincial")
    van_quan = UnionBodyFactory(
        name="Liên đoàn Lao động huyện Văn Quan", kind="district", parent=province
    )
    dinh_lap = UnionBodyFactory(
        name="Liên đoàn Lao động huyện Đình Lập", kind="district", parent=province
    )
    school = UnionBodyFactory(name="Công đoàn cơ sở Trường THPT Văn Quan", parent=van_quan)
    return {"province": province, "own": van_quan, "other": dinh_lap, "child": school}
