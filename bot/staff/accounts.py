"""Staff accounts: scrypt password hashes, sessions, presence (login throttling: throttle.py)."""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.store.db import Database
from bot.store.models import ROLE_ADMIN, ROLE_MEDIATOR, ROLE_STAFF, Mediator, StaffUser, utcnow

# scrypt N=2^15, r=8, p=3: one of OWASP's equivalent minimum settings, 32 MiB per check
# (the 2^17 variant needs 128 MiB, a lot for two server processes on a small machine)
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 3
MIN_PASSWORD = 10
USERNAME = re.compile(r"^[A-Za-z0-9_.-]{2,64}$")
ROLES = (ROLE_STAFF, ROLE_ADMIN, ROLE_MEDIATOR)
ONLINE_WITHIN = timedelta(seconds=90)


class AccountError(ValueError):
    """A user name, role or password that cannot be accepted (message for the admin)."""


def hash_password(password: str) -> str:
    """A salted scrypt hash with its parameters, so they can be raised later."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, maxmem=64 * 2**20
    )
    b64 = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    """Constant-time check of a password against a stored hash."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            password.encode(),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            maxmem=256 * 2**20,
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


@functools.cache
def _dummy_hash() -> str:
    """Checked against when the user does not exist, so both cases take the same time."""
    return hash_password(secrets.token_urlsafe(16))


@dataclass(frozen=True)
class Staff:
    """The signed-in staff member as the web layer sees them."""

    id: int
    username: str
    display_name: str
    role: str
    session_epoch: int
    presence: str = "away"
    mediator_id: int | None = None

    @property
    def is_admin(self) -> bool:
        """Admins may open /admin; staff may not."""
        return self.role == ROLE_ADMIN

    @property
    def is_mediator(self) -> bool:
        """Mediators work their cases at /desk and nothing else (no console, no /admin)."""
        return self.role == ROLE_MEDIATOR


def staff_of(u: StaffUser) -> Staff:
    """The session-facing view of an account row."""
    return Staff(
        u.id, u.username, u.display_name, u.role, u.session_epoch, u.presence, u.mediator_id
    )


def _mediator_link(s: Session, role: str, mediator_id: int | None, user_id: int = 0) -> int | None:
    """The mediator a mediator account stands for (checked), None for other roles."""
    if role != ROLE_MEDIATOR:
        return None
    if mediator_id is None or s.get(Mediator, mediator_id) is None:
        raise AccountError("调解员账号需要选择对应的调解员（调解员名单中的姓名和律所）")
    taken = s.scalar(
        select(StaffUser.username).where(
            StaffUser.mediator_id == mediator_id, StaffUser.id != user_id
        )
    )
    if taken is not None:
        raise AccountError(f"这位调解员已有账号 {taken}")
    return mediator_id


def mediator_for(db: Database, name: str, firm: str) -> int:
    """The mediators-list row with this name and law firm, added when the list lacks it."""
    name, firm = name.strip()[:64], firm.strip()[:128]
    if not name or not firm:
        raise AccountError("调解员账号需要姓名和所在律所")
    with db.write_lock(), db.session() as s:
        found = s.scalar(
            select(Mediator.id)
            .where(Mediator.name == name, Mediator.law_firm == firm)
            .order_by(Mediator.id)
            .limit(1)
        )
        if found is not None:
            return found
        row = Mediator(name=name, law_firm=firm)
        s.add(row)
        s.flush()
        return row.id


def check_password(username: str, password: str) -> None:
    """A new password must be long enough and must not contain the user name."""
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"密码至少 {MIN_PASSWORD} 个字符")
    if password.lower() in username.lower() or username.lower() in password.lower():
        raise AccountError("密码不能包含用户名")


def create_user(
    db: Database,
    username: str,
    password: str,
    role: str,
    display_name: str | None = None,
    mediator_id: int | None = None,
) -> Staff:
    """Add a staff account; refuses weak passwords, unknown roles and taken names (a mediator
    account names its row of the mediators list)."""
    if not USERNAME.match(username):
        raise AccountError("用户名只能用 2–64 个字母、数字、点、下划线或连字符")
    if role not in ROLES:
        raise AccountError(f"角色只能是 {' / '.join(ROLES)}")
    check_password(username, password)
    hashed = hash_password(password)
    try:
        with db.write_lock(), db.session() as s:
            user = StaffUser(
                username=username,
                display_name=(display_name or username)[:64],
                role=role,
                password_hash=hashed,
                mediator_id=_mediator_link(s, role, mediator_id),
            )
            s.add(user)
            s.flush()
            return staff_of(user)
    except IntegrityError as exc:
        raise AccountError(f"用户 {username} 已存在") from exc


def authenticate(db: Database, username: str, password: str) -> Staff | None:
    """The active account these credentials belong to, else None (same timing either way)."""
    with db.read() as s:
        user = s.scalar(select(StaffUser).where(StaffUser.username == username))
    if user is None or not user.active:
        verify_password(password, _dummy_hash())
        return None
    return staff_of(user) if verify_password(password, user.password_hash) else None


def get_staff(db: Database, user_id: int) -> Staff | None:
    """The active account behind a session, or None if it was removed or disabled."""
    with db.read() as s:
        user = s.get(StaffUser, user_id)
        return staff_of(user) if user is not None and user.active else None


def end_sessions(db: Database, user_id: int) -> None:
    """Invalidate every session cookie of this account (logout) and mark it away."""
    with db.write_lock(), db.session() as s:
        s.execute(
            update(StaffUser)
            .where(StaffUser.id == user_id)
            .values(session_epoch=StaffUser.session_epoch + 1, presence="away")
        )


def list_staff(db: Database) -> list[StaffUser]:
    """All accounts, for the admin page."""
    with db.read() as s:
        return list(s.scalars(select(StaffUser).order_by(StaffUser.username)))


# -- presence ---------------------------------------------------------------------------
def set_presence(db: Database, user_id: int, presence: str, now: datetime | None = None) -> None:
    """Online or away, as the staff member chose; `last_seen_at` is refreshed with it."""
    if presence not in ("online", "away"):
        raise AccountError("presence is online or away")
    with db.write_lock(), db.session() as s:
        s.execute(
            update(StaffUser)
            .where(StaffUser.id == user_id)
            .values(presence=presence, last_seen_at=now or utcnow())
        )


def seen(db: Database, user_id: int, now: datetime | None = None) -> None:
    """The console is open for this account (the live stream calls this now and then)."""
    with db.write_lock(), db.session() as s:
        s.execute(
            update(StaffUser).where(StaffUser.id == user_id).values(last_seen_at=now or utcnow())
        )


def online_staff(db: Database, now: datetime | None = None) -> list[StaffUser]:
    """Accounts marked online whose console has been open within the last minute and a half."""
    since = (now or utcnow()) - ONLINE_WITHIN
    with db.read() as s:
        return list(
            s.scalars(
                select(StaffUser)
                .where(
                    StaffUser.active.is_(True),
                    StaffUser.presence == "online",
                    StaffUser.last_seen_at >= since,
                )
                .order_by(StaffUser.display_name)
            )
        )


# -- the admin pages ----------------------------------------------------------------------
def _other_active_admins(s: Session, user_id: int) -> int:
    return (
        s.scalar(
            select(func.count(StaffUser.id)).where(
                StaffUser.role == ROLE_ADMIN,
                StaffUser.active.is_(True),
                StaffUser.id != user_id,
            )
        )
        or 0
    )


def _account(s: Session, user_id: int) -> StaffUser:
    user = s.get(StaffUser, user_id)
    if user is None:
        raise AccountError("找不到这个账号")
    return user


def set_active(db: Database, user_id: int, active: bool, by_user_id: int) -> Staff:
    """Enable or disable an account; disabling ends every session it has.

    An admin cannot disable themselves, nor the last active admin (nobody could sign in to
    /admin to undo it)."""
    with db.write_lock(), db.session() as s:
        user = _account(s, user_id)
        if not active:
            if user.id == by_user_id:
                raise AccountError("不能停用自己的账号")
            if user.role == ROLE_ADMIN and user.active and not _other_active_admins(s, user.id):
                raise AccountError("这是最后一个启用的管理员账号，不能停用")
            if user.active:
                user.session_epoch += 1
                user.presence = "away"
        user.active = active
        s.flush()
        return staff_of(user)


def reset_password(db: Database, user_id: int, password: str) -> Staff:
    """Set a new password (same rules as a new account) and end every session of the account."""
    with db.read() as s:
        username = _account(s, user_id).username
    check_password(username, password)
    hashed = hash_password(password)
    with db.write_lock(), db.session() as s:
        user = _account(s, user_id)
        user.password_hash = hashed
        user.session_epoch += 1
        user.presence = "away"
        s.flush()
        return staff_of(user)


def update_profile(
    db: Database,
    user_id: int,
    display_name: str,
    role: str,
    by_user_id: int,
    mediator_id: int | None = None,
) -> Staff:
    """Change the name staff and workers see, or the role; never one's own role, and never
    the last active admin's."""
    display_name = (display_name or "").strip()
    if not display_name:
        raise AccountError("请填写显示名称")
    if len(display_name) > 64:
        raise AccountError("显示名称最多 64 个字")
    if role not in ROLES:
        raise AccountError(f"角色只能是 {' / '.join(ROLES)}")
    with db.write_lock(), db.session() as s:
        user = _account(s, user_id)
        if role != user.role:
            if user.id == by_user_id:
                raise AccountError("不能修改自己的角色")
            if user.role == ROLE_ADMIN and user.active and not _other_active_admins(s, user.id):
                raise AccountError("这是最后一个启用的管理员账号，不能改为普通客服")
        link = _mediator_link(s, role, mediator_id, user.id)
        user.display_name = display_name
        user.role = role
        user.mediator_id = link
        s.flush()
        return staff_of(user)
